package dev.dgc.core.train;

/**
 * What one EMA/kick update of the centroid memory found (§6.1).
 *
 * @param mass   per centroid, {@code Σ p + 1e-8} over every pixel of both views
 * @param dead   per centroid, whether its mass was at most the dead threshold (it was kicked)
 * @param kicked how many centroids were kicked
 */
public record CentroidUpdate(double[] mass, boolean[] dead, int kicked) {

    /**
     * Copies the arrays, so the record stays immutable.
     *
     * @param mass   per-centroid mass
     * @param dead   per-centroid dead flags
     * @param kicked the number of kicked centroids
     */
    public CentroidUpdate {
        mass = mass.clone();
        dead = dead.clone();
    }

    /** @return a copy of the masses */
    @Override
    public double[] mass() {
        return mass.clone();
    }

    /** @return a copy of the dead flags */
    @Override
    public boolean[] dead() {
        return dead.clone();
    }
}
