/**
 * Reader and writer plugins: readers open cubes from files (and say how confident they are before
 * they try), writers store label rasters (and say what they will lose before they write).
 */
package dev.dgc.api.io;
