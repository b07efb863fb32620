package dev.dgc.losses;

import dev.dgc.api.Parameters;
import dev.dgc.api.nn.LossContext;
import dev.dgc.api.nn.LossTermProvider;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The orthogonality term of §5 of dgc-algorithm.md: {@code Σ_{j,k} (c_j·c_k − δ_jk)²} over the full
 * Gram matrix of the centroids, diagonal included and each off-diagonal pair counted twice, with no
 * division. It depends on the centroids only, so it does nothing when they are not trained by
 * gradient (§6.4). Stateless and thread-safe.
 */
public final class OrthogonalityTerm implements LossTermProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} needs this constructor. */
    public OrthogonalityTerm() {
        // Stateless: the term has no parameters.
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "orthogonality";
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "squared distance of the centroids' Gram matrix from the identity (§5)";
    }

    /** {@inheritDoc} */
    @Override
    public SDVariable build(LossContext context, Parameters params) {
        SameDiff sd = context.sameDiff();
        SDVariable c = context.centroids();
        SDVariable gram = sd.mmul(c, c, false, true, false);
        SDVariable identity = sd.constant(Nd4j.eye(context.clusters()).castTo(c.dataType()));
        return sd.sum(sd.math().square(gram.sub(identity)));
    }
}
