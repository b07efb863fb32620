/**
 * dgc in Oracle Tribuo's object model: a trained DGC model as a Tribuo {@code Model<ClusterID>}
 * ({@link dev.dgc.core.tribuo.DgcClusterModel}), the one naming of band features that every
 * pixel-as-example model here shares ({@link dev.dgc.core.tribuo.BandFeatures}), and the provenance
 * of the training cubes ({@link dev.dgc.core.tribuo.TrainingCubesProvenance}).
 *
 * <p>A Tribuo example is one pixel: its features are band values. That is all a per-pixel model can
 * carry, so spatial encoders are better served by the raster API ({@link dev.dgc.core.infer.Predictor}),
 * which sees each pixel's neighbourhood. The Tribuo classes live in {@code dgc-core} and not in a
 * plugin jar because Tribuo loads model classes by name with its own class loader.
 */
package dev.dgc.core.tribuo;
