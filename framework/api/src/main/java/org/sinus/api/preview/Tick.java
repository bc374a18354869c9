package org.sinus.api.preview;

/**
 * One axis tick.
 *
 * @param cell the index of the row or column whose centre the tick marks; fractional values lie
 *     between centres
 * @param label its text
 */
public record Tick(double cell, String label) {}
