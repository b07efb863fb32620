package dev.dgc.readers.geotiff;

import dev.dgc.api.cube.Wavelengths;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GDAL_METADATA TIFF tag (42112): GDAL's XML of dataset items ({@code <Item name=…>}) and band
 * items ({@code <Item name=… sample="i">}), from which the reader takes band names (items with
 * {@code role="description"}) and wavelengths.
 *
 * <p>Wavelengths come from, in order of preference: the band items {@code wavelength} with
 * {@code wavelength_units} (band or dataset item) and {@code fwhm}, as GDAL writes them for
 * ENVI-sourced files; the {@code IMAGERY} domain's {@code CENTRAL_WAVELENGTH_UM} and
 * {@code FWHM_UM}; and band descriptions of the form "376.44 Nanometers", which is all that an
 * ENVI file keeping its wavelengths only in {@code band names} leaves behind. Without a unit,
 * values below 100 are taken as micrometres, others as nanometres.
 *
 * @param datasetItems dataset-level items of the default domain, by name
 * @param bandItems    per band index, that band's items of the default domain, by name
 * @param imagery      per band index, that band's items of the IMAGERY domain, by name
 * @param descriptions per band index, the band description
 */
record GdalMetadata(Map<String, String> datasetItems, Map<Integer, Map<String, String>> bandItems,
                    Map<Integer, Map<String, String>> imagery, Map<Integer, String> descriptions) {

    private static final Pattern NUMBER_WITH_UNIT =
            Pattern.compile("\\s*([-+]?\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?)\\s*([A-Za-zµ]*)\\s*");

    /** Metadata of a file without the tag. */
    static final GdalMetadata EMPTY = new GdalMetadata(Map.of(), Map.of(), Map.of(), Map.of());

    /**
     * Parses the tag's text.
     *
     * @param xml the XML
     * @return the items
     * @throws IllegalArgumentException if the XML is malformed, with the parser's reason
     */
    static GdalMetadata parse(String xml) {
        Map<String, String> dataset = new LinkedHashMap<>();
        Map<Integer, Map<String, String>> bands = new HashMap<>();
        Map<Integer, Map<String, String>> imagery = new HashMap<>();
        Map<Integer, String> descriptions = new HashMap<>();
        NodeList items;
        try {
            items = SafeXml.parse(new InputSource(new StringReader(xml.trim()))).getElementsByTagName("Item");
        } catch (org.xml.sax.SAXException | java.io.IOException e) {
            throw new IllegalArgumentException("GDAL_METADATA (tag 42112) is not well-formed XML: " + e.getMessage(), e);
        }
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            String name = item.getAttribute("name");
            String value = item.getTextContent().trim();
            String domain = item.getAttribute("domain");
            String sample = item.getAttribute("sample");
            if (sample.isEmpty()) {
                if (domain.isEmpty()) {
                    dataset.put(name, value);
                }
                continue;
            }
            int band;
            try {
                band = Integer.parseInt(sample.trim());
            } catch (NumberFormatException e) {
                continue;
            }
            if ("description".equals(item.getAttribute("role"))) {
                descriptions.put(band, value);
            } else if (domain.isEmpty()) {
                bands.computeIfAbsent(band, b -> new LinkedHashMap<>()).put(name.toLowerCase(Locale.ROOT), value);
            } else if ("IMAGERY".equals(domain)) {
                imagery.computeIfAbsent(band, b -> new LinkedHashMap<>()).put(name.toUpperCase(Locale.ROOT), value);
            }
        }
        return new GdalMetadata(dataset, bands, imagery, descriptions);
    }

    /**
     * @param bands the number of bands of the image
     * @return one description per band, or an empty list unless every band has one
     */
    List<String> bandNames(int bands) {
        List<String> names = new ArrayList<>(bands);
        for (int b = 0; b < bands; b++) {
            String d = descriptions.get(b);
            if (d == null) {
                return List.of();
            }
            names.add(d);
        }
        return names;
    }

    /**
     * @param bands the number of bands of the image
     * @return the wavelengths in nm, {@link Wavelengths#NONE} unless every band has one
     */
    Wavelengths wavelengths(int bands) {
        List<Double> centres = fromItems(bands, "wavelength", "wavelength_units");
        if (!centres.isEmpty()) {
            return new Wavelengths(centres, fromItems(bands, "fwhm", "wavelength_units"));
        }
        centres = fromImagery(bands, "CENTRAL_WAVELENGTH_UM");
        if (!centres.isEmpty()) {
            return new Wavelengths(centres, fromImagery(bands, "FWHM_UM"));
        }
        List<Double> fromNames = new ArrayList<>(bands);
        for (int b = 0; b < bands; b++) {
            String d = descriptions.get(b);
            Matcher m = d == null ? null : NUMBER_WITH_UNIT.matcher(d);
            if (m == null || !m.matches() || m.group(2).isEmpty()) {
                return Wavelengths.NONE;
            }
            double nm = toNanometres(Double.parseDouble(m.group(1)), m.group(2));
            if (Double.isNaN(nm)) {
                return Wavelengths.NONE;
            }
            fromNames.add(nm);
        }
        return new Wavelengths(fromNames, List.of());
    }

    private List<Double> fromItems(int bands, String name, String unitName) {
        List<Double> out = new ArrayList<>(bands);
        for (int b = 0; b < bands; b++) {
            Map<String, String> items = bandItems.getOrDefault(b, Map.of());
            String v = items.get(name);
            if (v == null) {
                return List.of();
            }
            String unit = items.getOrDefault(unitName, datasetItems.getOrDefault(unitName, ""));
            double nm = toNanometres(number(v), unit);
            if (Double.isNaN(nm)) {
                return List.of();
            }
            out.add(nm);
        }
        return out;
    }

    private List<Double> fromImagery(int bands, String name) {
        List<Double> out = new ArrayList<>(bands);
        for (int b = 0; b < bands; b++) {
            String v = imagery.getOrDefault(b, Map.of()).get(name);
            if (v == null || Double.isNaN(number(v))) {
                return List.of();
            }
            out.add(number(v) * 1000);
        }
        return out;
    }

    private static double number(String v) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Converts a value in a named unit to nm; NaN for units that are not lengths. */
    static double toNanometres(double value, String unit) {
        String u = unit.trim().toLowerCase(Locale.ROOT);
        if (u.isEmpty()) {
            return value < 100 ? value * 1000 : value;
        }
        return switch (u) {
            case "nm", "nanometer", "nanometers", "nanometre", "nanometres" -> value;
            case "um", "µm", "micrometer", "micrometers", "micrometre", "micrometres", "micron", "microns" -> value * 1000;
            case "mm", "millimeter", "millimeters" -> value * 1e6;
            default -> Double.NaN;
        };
    }
}
