/**
 * What {@code dgc run} needs besides the engine: the mapping from a validated config to the
 * trainer's settings, and the listeners that show and record a run's progress (a progress line on
 * standard error, {@code losses.csv}, the {@code losses.png} loss curve).
 */
package dev.dgc.app.run;
