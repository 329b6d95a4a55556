package org.zhicheng.api.business;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One business offered by a province or profession bundle, registered as an OSGi service (normally through
 * Declarative Services). The platform tracks these services as a whiteboard: it reads the descriptor when the
 * service appears, validates it, stores it by content hash and serves it until a replacement registers, so a
 * bundle update never fails a request.
 *
 * <p>Everything a business is lives in its descriptor ({@link #openDescriptor()}); the Java hooks are optional
 * and serve rules the declarative form cannot express. The hooks must be pure functions of their arguments:
 * applications pinned to an older descriptor version are still validated and routed by the bundle of that
 * version while it is installed, and by the declarative rules of the stored descriptor otherwise.
 */
@ConsumerType
public interface Business {

    /** Service property naming the business id; must equal the descriptor's {@code id}. */
    String SERVICE_PROPERTY_ID = "zhicheng.business.id";

    /**
     * Opens the business descriptor: UTF-8 JSON conforming to {@code business-descriptor.schema.json}, a resource
     * of package {@link org.zhicheng.api.business.descriptor}, which the platform binds to
     * {@link org.zhicheng.api.business.descriptor.BusinessDescriptor} (format reference:
     * {@code docs/business-descriptor.md}). Usually a resource of the contributing bundle, e.g.
     * {@code getClass().getResourceAsStream("/META-INF/zhicheng/business.json")}.
     *
     * @return a fresh stream the caller closes
     * @throws IOException when the descriptor cannot be read
     */
    InputStream openDescriptor() throws IOException;

    /**
     * Cross-field rules that the declarative {@code rules} cannot express. Called after the declarative
     * validation passed for the fields concerned.
     *
     * @param form the answers being validated
     * @return problems found, empty when none
     */
    default List<FieldProblem> validate(FormAnswers form) {
        return List.of();
    }

    /**
     * Overrides the declarative route table for an applicant. Return empty to use the descriptor's routes
     * (the normal case); return the ordered ids of review-chain steps to choose the chain in code.
     *
     * @param applicant the applicant's organisation and answers at submission
     * @return the ordered step ids, or empty for the declarative routes
     */
    default Optional<List<String>> route(RoutingContext applicant) {
        return Optional.empty();
    }
}
