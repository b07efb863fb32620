/** Test utilities shared with other modules' tests through dgc-core's test jar. */
package dev.dgc.core.testing;
