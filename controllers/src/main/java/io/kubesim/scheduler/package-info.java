/** The scheduler: a queue of unscheduled pods, filter and score plugins, binding. */
package io.kubesim.scheduler;
