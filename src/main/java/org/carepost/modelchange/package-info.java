/**
 * Model changes under four eyes: the automatic checks of a proposed model change and its summary for the
 * reviewer. The engine glue (the proposal deployment, the model-change process) is in {@code process.modelchange}.
 */
package org.carepost.modelchange;
