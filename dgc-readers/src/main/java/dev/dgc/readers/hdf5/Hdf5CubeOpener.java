package dev.dgc.readers.hdf5;

import dev.dgc.api.cube.CubeMetadata;
import dev.dgc.api.cube.DataType;
import dev.dgc.api.cube.GeoTransform;
import dev.dgc.api.cube.Georeference;
import dev.dgc.api.cube.NoData;
import dev.dgc.api.cube.Wavelengths;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.exceptions.HdfException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Opens a cube from an HDF5 file: chooses the dataset, its axes, and gathers wavelengths, widths,
 * bad bands, fill value and georeference from the attributes and layouts the reader knows.
 */
final class Hdf5CubeOpener {

    /** Dataset attributes that may hold band centres, in the order they are tried. */
    private static final List<String> WAVELENGTH_ATTRIBUTES = List.of("wavelength", "wavelengths", "center_wavelengths",
            "center_wavelength");
    private static final List<String> EMIT_CUBES = List.of("/reflectance", "/radiance");
    private static final String EMIT_BANDS = "/sensor_band_parameters";
    /** A top-level AUTHORITY (WKT1) or ID (WKT2) naming an EPSG code ends the WKT. */
    private static final Pattern EPSG = Pattern.compile("(?:AUTHORITY|ID)\\[\"EPSG\",\\s*\"?(\\d+)\"?\\]\\]\\s*$");
    /** Below this, band centres without units are taken to be micrometres (no sensor measures below 30 nm). */
    private static final double MICROMETRE_LIMIT = 30;

    private final Path path;
    private final HdfFile file;
    private final Hdf5Options options;

    private Hdf5CubeOpener(Path path, HdfFile file, Hdf5Options options) {
        this.path = path;
        this.file = file;
        this.options = options;
    }

    /**
     * Opens the cube; the file is closed again if anything goes wrong.
     *
     * @param path    the file
     * @param options the reader options
     * @return the cube, owning the open file
     * @throws IOException naming the file and the dataset or attribute at fault
     */
    static Hdf5Cube open(Path path, Hdf5Options options) throws IOException {
        HdfFile file;
        try {
            file = new HdfFile(path);
        } catch (RuntimeException e) {
            // jHDF signals a damaged superblock with HdfException, IllegalArgumentException and others
            throw new IOException(path + ": not a readable HDF5 file: " + e.getMessage(), e);
        }
        try {
            return new Hdf5CubeOpener(path, file, options).open();
        } catch (HdfException | IllegalArgumentException e) {
            file.close();
            throw new IOException(path + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /**
     * Lists every dataset of a file, depth first in link order.
     *
     * @param group where to start
     * @return the datasets
     */
    static List<Dataset> datasets(Group group) {
        List<Dataset> out = new ArrayList<>();
        for (Node n : group) {
            if (n instanceof Dataset d) {
                out.add(d);
            } else if (n instanceof Group g && !n.isLink()) {
                out.addAll(datasets(g));
            }
        }
        return out;
    }

    /**
     * @param file an open file
     * @return whether it has EMIT's layout: a reflectance or radiance cube and sensor band parameters
     */
    static boolean emit(HdfFile file) {
        return file.getChildren().containsKey(EMIT_BANDS.substring(1))
                && EMIT_CUBES.stream().anyMatch(c -> file.getChildren().get(c.substring(1)) instanceof Dataset);
    }

    private Hdf5Cube open() throws IOException {
        List<Dataset> all = datasets(file);
        boolean emit = emit(file);
        Dataset dataset = choose(all, emit);
        int[] dims = dataset.getDimensions();
        DataType type = Hdf5Values.dataType(dataset).orElseThrow(() -> new IOException(path + ": dataset "
                + Hdf5Values.describe(dataset) + " is not of an integer or floating-point type"));
        if (dims.length < 2 || dims.length > 3) {
            throw new IOException(path + ": dataset " + Hdf5Values.describe(dataset) + " has " + dims.length
                    + " dimensions; a cube needs 3 (or 2 for a single band)");
        }
        Optional<double[]> centres = centres(dataset, emit);
        CubeAxes axes = null;
        String axesSource = "2-D dataset: rows,cols, one band";
        if (dims.length == 3) {
            if (options.axes().isPresent()) {
                axes = options.axes().get();
                axesSource = "option 'axes'";
            } else if (emit) {
                axes = CubeAxes.ROWS_COLS_BANDS;
                axesSource = "EMIT layout (downtrack, crosstrack, bands)";
            } else {
                axes = CubeAxes.guess(dims, centres.map(c -> c.length));
                axesSource = centres.isPresent() && Arrays.stream(dims).filter(d -> d == centres.get().length).count() == 1
                        ? "the axis as long as the wavelength list holds the bands"
                        : "heuristic: the shorter of the first and last axes holds the bands";
            }
        } else if (options.axes().isPresent()) {
            throw new IOException(path + ": option 'axes' applies to 3-D datasets; " + Hdf5Values.describe(dataset)
                    + " is 2-D and read as rows,cols");
        }
        int lines = axes == null ? dims[0] : dims[axes.rowAxis()];
        int samples = axes == null ? dims[1] : dims[axes.colAxis()];
        int bands = axes == null ? 1 : dims[axes.bandAxis()];
        boolean floating = type == DataType.FLOAT32 || type == DataType.FLOAT64;
        OptionalDouble fillValue = fillValue(dataset);
        NoData noData = fillValue.isPresent()
                ? new NoData(fillValue, floating)
                : floating ? NoData.NAN_ONLY : NoData.NONE;
        CubeMetadata.Builder b = CubeMetadata.builder(path, lines, samples, bands, type).noData(noData);
        Hdf5Values.byteOrder(dataset).ifPresent(b::byteOrder);
        if (axes != null) {
            axes.interleave().ifPresent(b::interleave);
        }
        b.wavelengths(wavelengths(dataset, bands, emit));
        b.badBands(badBands(dataset, bands, emit));
        georeference(dataset).ifPresent(b::georeference);
        b.attribute("dataset", dataset.getPath());
        b.attribute("size", Hdf5Values.describe(dataset).replaceFirst("^.* \\(", "").replaceFirst("\\)$", ""));
        b.attribute("axes", axes == null ? "rows,cols" : axes.label());
        b.attribute("axes from", axesSource);
        b.attribute("storage", storage(dataset));
        if (emit) {
            b.attribute("layout", "EMIT");
        }
        boolean unallocated = dataset.isEmpty() || dataset.getStorageInBytes() == 0;
        Object fill = dataset.getFillValue();
        double fillSample = fill instanceof Number n ? n.doubleValue() : 0;
        CubeMetadata metadata;
        try {
            metadata = b.build();
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new Hdf5Cube(metadata, file, dataset, axes, unallocated, fillSample);
    }

    private Dataset choose(List<Dataset> all, boolean emit) throws IOException {
        if (options.dataset().isPresent()) {
            String wanted = options.dataset().get();
            String absolute = wanted.startsWith("/") ? wanted : "/" + wanted;
            for (Dataset d : all) {
                if (d.getPath().equals(absolute)) {
                    return d;
                }
            }
            throw new IOException(path + ": no dataset '" + wanted + "'; " + present(all));
        }
        if (emit) {
            for (String c : EMIT_CUBES) {
                if (file.getChildren().get(c.substring(1)) instanceof Dataset d) {
                    return d;
                }
            }
        }
        List<Dataset> numeric = all.stream().filter(d -> Hdf5Values.dataType(d).isPresent()).collect(Collectors.toList());
        List<Dataset> candidates = numeric.stream().filter(d -> d.getDimensions().length == 3).collect(Collectors.toList());
        if (candidates.isEmpty()) {
            candidates = numeric.stream().filter(d -> d.getDimensions().length == 2).collect(Collectors.toList());
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new IOException(path + ": no 3-D (or 2-D) numeric dataset to read as a cube; " + present(all));
        }
        throw new IOException(path + ": " + candidates.size() + " datasets could hold the cube ("
                + candidates.stream().map(Hdf5Values::describe).collect(Collectors.joining(", "))
                + "); choose one with option '" + Hdf5Options.DATASET + "'");
    }

    private static String present(List<Dataset> all) {
        return all.isEmpty() ? "the file holds no datasets"
                : "datasets present: " + all.stream().map(Hdf5Values::describe).collect(Collectors.joining(", "));
    }

    /** Band centres in the file's unit, from the option, the dataset's attributes or EMIT's layout. */
    private Optional<double[]> centres(Dataset dataset, boolean emit) throws IOException {
        return rawWavelengths(dataset, emit).map(Source::values);
    }

    /** Numbers and where they came from, for unit lookup. */
    private record Source(double[] values, Optional<String> units) {
    }

    private Optional<Source> rawWavelengths(Dataset dataset, boolean emit) throws IOException {
        if (options.wavelengths().isPresent()) {
            String name = options.wavelengths().get();
            Optional<Source> fromDataset = datasetValues(name);
            if (fromDataset.isPresent()) {
                return fromDataset;
            }
            Optional<double[]> attr = Hdf5Values.numbers(dataset, name);
            if (attr.isPresent()) {
                return Optional.of(new Source(attr.get(), units(dataset, name)));
            }
            throw new IOException(path + ": option 'wavelengths' names '" + name + "', which is neither a numeric dataset nor a "
                    + "numeric attribute of " + dataset.getPath() + "; attributes present: "
                    + String.join(", ", dataset.getAttributes().keySet()));
        }
        for (String name : WAVELENGTH_ATTRIBUTES) {
            Optional<double[]> attr = Hdf5Values.numbers(dataset, name);
            if (attr.isPresent()) {
                return Optional.of(new Source(attr.get(), units(dataset, name)));
            }
        }
        return emit ? datasetValues(EMIT_BANDS + "/wavelengths") : Optional.empty();
    }

    private Optional<String> units(Dataset dataset, String attribute) {
        return Hdf5Values.text(dataset, attribute + "_units")
                .or(() -> Hdf5Values.text(dataset, "wavelength_units"))
                .or(() -> Hdf5Values.text(dataset, "wavelengths_units"));
    }

    private Optional<Source> datasetValues(String name) {
        Node node;
        try {
            node = file.getByPath(name);
        } catch (HdfException e) {
            return Optional.empty();
        }
        if (node instanceof Dataset d && Hdf5Values.dataType(d).isPresent()) {
            return Optional.of(new Source(Hdf5Values.flatten(d.getData()), Hdf5Values.text(d, "units")));
        }
        return Optional.empty();
    }

    private Wavelengths wavelengths(Dataset dataset, int bands, boolean emit) throws IOException {
        Optional<Source> centres = rawWavelengths(dataset, emit);
        double centreScale = centres.map(s -> nanometresPer(s.units(), s.values())).orElse(1.0);
        List<Double> centresNm = centres.map(s -> scaled(s.values(), centreScale)).orElse(List.of());
        Optional<Source> fwhm = Hdf5Values.numbers(dataset, "fwhm").map(v -> new Source(v, Hdf5Values.text(dataset, "fwhm_units")))
                .or(() -> emit ? datasetValues(EMIT_BANDS + "/fwhm") : Optional.empty());
        List<Double> fwhmNm = fwhm.map(s -> scaled(s.values(),
                s.units().isPresent() ? nanometresPer(s.units(), s.values()) : centreScale)).orElse(List.of());
        if (!centresNm.isEmpty() && centresNm.size() != bands) {
            throw new IOException(path + ": " + centresNm.size() + " wavelengths for the " + bands + " bands of "
                    + dataset.getPath() + "; set option 'axes' (or 'wavelengths')");
        }
        if (!fwhmNm.isEmpty() && fwhmNm.size() != bands) {
            throw new IOException(path + ": " + fwhmNm.size() + " fwhm values for the " + bands + " bands of " + dataset.getPath());
        }
        return new Wavelengths(centresNm, fwhmNm);
    }

    private static double nanometresPer(Optional<String> units, double[] values) {
        if (units.isPresent()) {
            String u = units.get().toLowerCase(Locale.ROOT).replace(" ", "");
            if (u.startsWith("micro") || u.equals("um") || u.equals("µm") || u.equals("μm")) {
                return 1000;
            }
            if (u.startsWith("nano") || u.equals("nm")) {
                return 1;
            }
        }
        double max = Arrays.stream(values).max().orElse(0);
        return max > 0 && max < MICROMETRE_LIMIT ? 1000 : 1;
    }

    private static List<Double> scaled(double[] values, double factor) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v * factor);
        }
        return out;
    }

    /** ENVI-style flags (1 good, 0 bad) from {@code bad_band_list}, or EMIT's {@code good_wavelengths}. */
    private List<Integer> badBands(Dataset dataset, int bands, boolean emit) throws IOException {
        Optional<double[]> flags = Hdf5Values.numbers(dataset, "bad_band_list")
                .or(() -> emit ? datasetValues(EMIT_BANDS + "/good_wavelengths").map(Source::values) : Optional.empty());
        if (flags.isEmpty()) {
            return List.of();
        }
        double[] f = flags.get();
        if (f.length != bands) {
            throw new IOException(path + ": " + f.length + " good/bad band flags for the " + bands + " bands of " + dataset.getPath());
        }
        List<Integer> bad = new ArrayList<>();
        for (int i = 0; i < f.length; i++) {
            if (f[i] == 0) {
                bad.add(i);
            }
        }
        return bad;
    }

    private static OptionalDouble fillValue(Dataset dataset) {
        OptionalDouble v = Hdf5Values.number(dataset, "_FillValue");
        return v.isPresent() ? v : Hdf5Values.number(dataset, "missing_value");
    }

    /** EMIT's root {@code geotransform} and {@code spatial_ref}, or a netCDF grid mapping's. */
    private Optional<Georeference> georeference(Dataset dataset) {
        Optional<double[]> transform = Hdf5Values.numbers(file, "geotransform").filter(t -> t.length == 6);
        Optional<String> wkt = Hdf5Values.text(file, "spatial_ref");
        Optional<String> mapping = Hdf5Values.text(dataset, "grid_mapping");
        if (mapping.isPresent() && (transform.isEmpty() || wkt.isEmpty())) {
            try {
                Node crs = dataset.getParent().getByPath(mapping.get());
                wkt = wkt.or(() -> Hdf5Values.text(crs, "spatial_ref")).or(() -> Hdf5Values.text(crs, "crs_wkt"));
                transform = transform.or(() -> Hdf5Values.text(crs, "GeoTransform").flatMap(Hdf5CubeOpener::sixNumbers));
            } catch (HdfException e) {
                return Optional.empty();
            }
        }
        if (transform.isEmpty() || wkt.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = EPSG.matcher(wkt.get());
        OptionalInt epsg = m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
        return Optional.of(new Georeference(epsg, wkt, GeoTransform.fromGdal(transform.get())));
    }

    private static Optional<double[]> sixNumbers(String text) {
        String[] parts = text.trim().split("[\\s,]+");
        if (parts.length != 6) {
            return Optional.empty();
        }
        try {
            return Optional.of(Arrays.stream(parts).mapToDouble(Double::parseDouble).toArray());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String storage(Dataset dataset) {
        StringBuilder s = new StringBuilder(dataset.getDataLayout().name().toLowerCase(Locale.ROOT));
        if (dataset instanceof ChunkedDataset c) {
            s.append(" ").append(Arrays.toString(c.getChunkDimensions()).replace('[', '(').replace(']', ')'));
        }
        if (!dataset.getFilters().isEmpty()) {
            s.append(", filters: ").append(dataset.getFilters().stream().map(f -> f.getName()).collect(Collectors.joining(", ")));
        }
        return s.toString();
    }
}
