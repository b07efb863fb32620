/** Small writing utilities the engine and the command share: JSON text and atomic file output. */
package dev.dgc.core.io;
