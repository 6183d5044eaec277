package io.kubesim.controllers;

import io.kubesim.controllers.runtime.Controller;

/**
 * Builds one controller of the controller-manager: registers its informer handlers on the shared
 * informers and returns the (not yet started) runner. Listed once in {@link ControllerManager}.
 */
public interface ControllerFactory {

    /** The controller's name as {@code --controllers} and the work-queue metrics call it (e.g. {@code deployment}). */
    String name();

    Controller create(ControllerContext context);
}
