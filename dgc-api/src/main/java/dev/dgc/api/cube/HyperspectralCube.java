package dev.dgc.api.cube;

import java.io.IOException;

/**
 * An open cube: metadata up front, pixels only by window and band subset. A reader answers each
 * {@link #read} with positional reads or a memory map, so cubes far larger than the heap can be
 * walked window by window. The one exception is a format that cannot seek inside its data (a
 * zlib-compressed MATLAB v5 variable): such a reader loads the cube at open and says so in its
 * description.
 *
 * <p>Implementations must allow concurrent {@code read} calls from several threads. Reading after
 * {@link #close()} throws {@link IllegalStateException}.
 */
public interface HyperspectralCube extends AutoCloseable {

    /**
     * @return the metadata read when the cube was opened
     */
    CubeMetadata metadata();

    /**
     * Reads a window of some bands, band-sequential: the value of band {@code bands[b]} at window
     * row {@code r}, column {@code c} lands at {@code dst[(b·rows + r)·cols + c]}. Values are
     * physical (the scale factor applied). A pixel where any requested band is no-data is flagged
     * in {@code noData[r·cols + c]}, and its values are NaN, so no-data can never pass for data.
     *
     * @param window where, inside the cube
     * @param bands  zero-based band indices, any order, repeats allowed
     * @param dst    destination of at least {@code bands.length·window.pixels()} floats
     * @param noData per-pixel no-data flags of at least {@code window.pixels()} entries, or null
     *               when the caller does not need them; entries are set, not just raised
     * @throws IOException               if the file cannot be read (the message names the file)
     * @throws IndexOutOfBoundsException if the window or a band is outside the cube
     * @throws IllegalArgumentException  if {@code dst} or {@code noData} is too short
     */
    void read(Window window, int[] bands, float[] dst, boolean[] noData) throws IOException;

    /**
     * Convenience form of {@link #read(Window, int[], float[], boolean[])} that allocates.
     *
     * @param window where
     * @param bands  which bands
     * @return band-sequential values
     * @throws IOException if the file cannot be read
     */
    default float[] read(Window window, int[] bands) throws IOException {
        float[] dst = new float[Math.multiplyExact(bands.length, window.pixels())];
        read(window, bands, dst, null);
        return dst;
    }

    /**
     * Releases files and maps. Reading after close is an error.
     *
     * @throws IOException if releasing fails
     */
    @Override
    void close() throws IOException;
}
