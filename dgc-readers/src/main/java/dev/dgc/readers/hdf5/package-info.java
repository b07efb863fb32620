/**
 * Reader {@code hdf5}: hyperspectral cubes stored as a 3-D (or 2-D, single-band) dataset of an HDF5
 * or netCDF-4 file, including NASA EMIT L2A/L1B products, read by hyperslab through the pure-Java
 * jHDF library so that chunked and gzip-compressed datasets are never loaded whole.
 *
 * <p>{@link dev.dgc.readers.hdf5.Hdf5ReaderProvider} is the plugin; {@link dev.dgc.readers.hdf5.Hdf5Signature}
 * finds the HDF5 superblock for it and for the MATLAB reader, which opens v7.3 MAT-files (HDF5
 * behind a MATLAB header) itself.
 */
package dev.dgc.readers.hdf5;
