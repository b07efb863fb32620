package dev.dgc.core.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceException;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.provenance.DataSourceProvenance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a dgc model's pixels came from: the names of the training cubes (file names or config keys,
 * as the run reported them) and how their pixels were prepared, e.g. "normalised per cube (zscore)".
 * This is the data source at the root of a Tribuo {@code DatasetProvenance}, so
 * {@code model.getProvenance().getDatasetProvenance().getSourceProvenance()} answers "what data".
 * Immutable and thread-safe.
 */
public final class TrainingCubesProvenance implements DataSourceProvenance {

    private static final long serialVersionUID = 1L;

    /** The provenance key of the cube names. */
    public static final String CUBES = "cubes";
    /** The provenance key of the description of how pixels were prepared. */
    public static final String PREPARATION = "preparation";

    private final List<String> cubes;
    private final String preparation;

    /**
     * @param cubes       the training cube names, in config order
     * @param preparation how the pixels were prepared before the model saw them
     */
    public TrainingCubesProvenance(List<String> cubes, String preparation) {
        this.cubes = List.copyOf(cubes);
        this.preparation = Objects.requireNonNull(preparation, "preparation");
    }

    /**
     * Rebuilds the provenance from its marshalled form, as OLCUT's provenance tools require.
     *
     * @param map the provenance entries by key
     * @throws ProvenanceException if an entry is missing or of the wrong type
     */
    public TrainingCubesProvenance(Map<String, Provenance> map) {
        ListProvenance<?> list = ObjectProvenance.checkAndExtractProvenance(map, CUBES, ListProvenance.class,
                TrainingCubesProvenance.class.getSimpleName());
        List<String> names = new ArrayList<>();
        for (Provenance p : list) {
            if (!(p instanceof StringProvenance s)) {
                throw new ProvenanceException(CUBES + " must hold cube names as strings, found " + p);
            }
            names.add(s.getValue());
        }
        this.cubes = List.copyOf(names);
        this.preparation = ObjectProvenance.checkAndExtractProvenance(map, PREPARATION, StringProvenance.class,
                TrainingCubesProvenance.class.getSimpleName()).getValue();
    }

    /** @return the training cube names, in config order */
    public List<String> cubes() {
        return cubes;
    }

    /** @return how the pixels were prepared */
    public String preparation() {
        return preparation;
    }

    @Override
    public String getClassName() {
        return TrainingCubesProvenance.class.getName();
    }

    @Override
    public Iterator<Pair<String, Provenance>> iterator() {
        List<StringProvenance> names = new ArrayList<>();
        for (String c : cubes) {
            names.add(new StringProvenance(CUBES, c));
        }
        return List.<Pair<String, Provenance>>of(
                new Pair<>(CLASS_NAME, new StringProvenance(CLASS_NAME, getClassName())),
                new Pair<>(CUBES, new ListProvenance<>(names)),
                new Pair<>(PREPARATION, new StringProvenance(PREPARATION, preparation))).iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingCubesProvenance other && cubes.equals(other.cubes) && preparation.equals(other.preparation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cubes, preparation);
    }

    @Override
    public String toString() {
        return generateString("TrainingCubes");
    }
}
