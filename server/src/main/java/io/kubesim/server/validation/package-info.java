/**
 * Validation building blocks shared by the kind strategies and the generic store: name and key
 * syntaxes ({@link io.kubesim.server.validation.NameValidation}), the common {@code metadata} rules
 * ({@link io.kubesim.server.validation.ObjectMetaValidation}), pod specs, containers, resources,
 * label selectors, quantities, and null-tolerant reads of Jackson trees. Every check reports
 * {@link io.kubesim.server.api.FieldError}s with the field paths and wording kube-apiserver 1.32
 * uses, because kubectl prints them verbatim. All classes are stateless and thread-safe.
 */
package io.kubesim.server.validation;
