package dev.dgc.readers.geotiff;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * GDAL's persistent auxiliary metadata ("PAM") sidecar, {@code <raster>.aux.xml}: the writer
 * stores class names there as the {@code CategoryNames} of band 1, one {@code Category} per label
 * value from 0 up, which GDAL and QGIS show as the raster's categories.
 */
public final class PamSidecar {

    private PamSidecar() {
    }

    /**
     * @param raster the raster file
     * @return the sidecar path GDAL looks for: the raster's name with {@code .aux.xml} appended
     */
    public static Path of(Path raster) {
        return raster.resolveSibling(raster.getFileName() + ".aux.xml");
    }

    /**
     * The sidecar XML for category names.
     *
     * @param names   the name of each label value, indexed by value (empty for unnamed values)
     * @param noData  the no-data value, or null
     * @return the XML text
     */
    static String categoryNamesXml(List<String> names, Integer noData) {
        StringBuilder sb = new StringBuilder("<PAMDataset>\n  <PAMRasterBand band=\"1\">\n");
        if (noData != null) {
            sb.append("    <NoDataValue>").append(noData).append("</NoDataValue>\n");
        }
        sb.append("    <CategoryNames>\n");
        for (String n : names) {
            sb.append(n.isEmpty() ? "      <Category/>\n" : "      <Category>" + escape(n) + "</Category>\n");
        }
        sb.append("    </CategoryNames>\n  </PAMRasterBand>\n</PAMDataset>\n");
        return sb.toString();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    /**
     * Reads the category names of band 1 from a raster's sidecar.
     *
     * @param raster the raster file (not the sidecar)
     * @return the names indexed by label value, empty strings for unnamed values; an empty list
     *         when there is no sidecar or it has no category names
     * @throws IOException if the sidecar exists but is not well-formed XML, naming it
     */
    public static List<String> categoryNames(Path raster) throws IOException {
        Path sidecar = of(raster);
        if (!Files.isRegularFile(sidecar)) {
            return List.of();
        }
        NodeList bands;
        try {
            bands = SafeXml.parse(new InputSource(sidecar.toUri().toString())).getElementsByTagName("PAMRasterBand");
        } catch (org.xml.sax.SAXException e) {
            throw new IOException(sidecar + ": not a well-formed GDAL PAM file: " + e.getMessage(), e);
        }
        for (int i = 0; i < bands.getLength(); i++) {
            Element band = (Element) bands.item(i);
            String number = band.getAttribute("band");
            if (!number.isEmpty() && !"1".equals(number.trim())) {
                continue;
            }
            NodeList lists = band.getElementsByTagName("CategoryNames");
            if (lists.getLength() == 0) {
                continue;
            }
            NodeList categories = ((Element) lists.item(0)).getElementsByTagName("Category");
            List<String> names = new ArrayList<>(categories.getLength());
            for (int k = 0; k < categories.getLength(); k++) {
                names.add(categories.item(k).getTextContent());
            }
            return names;
        }
        return List.of();
    }

    /**
     * @param xml the sidecar text
     * @return its bytes, UTF-8 as GDAL reads them
     */
    static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
