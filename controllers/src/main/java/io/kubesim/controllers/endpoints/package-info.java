/** The endpoints controller: core/v1 Endpoints for every Service with a selector. */
package io.kubesim.controllers.endpoints;
