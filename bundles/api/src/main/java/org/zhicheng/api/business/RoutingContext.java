package org.zhicheng.api.business;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What routing may depend on: the applicant's organisation, its ancestors up to the root, and the answers.
 *
 * @param organisationPath the applicant's unit first, then each parent up to the deployment's root
 * @param answers the form answers at submission
 */
public record RoutingContext(List<OrganisationRef> organisationPath, FormAnswers answers) {

    public RoutingContext {
        organisationPath = List.copyOf(organisationPath);
        Objects.requireNonNull(answers, "answers");
    }

    /**
     * An organisation as routing sees it.
     *
     * @param id the organisation id
     * @param type the organisation type code, e.g. {@code township-health-centre}, {@code district-commission}
     * @param level the organisation level within its deployment (1 is the highest below the root)
     * @param attributes further attributes, e.g. {@code hasTitleReformOffice=true}
     */
    public record OrganisationRef(String id, String type, int level, Map<String, String> attributes) {
        public OrganisationRef {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            attributes = Map.copyOf(attributes);
        }
    }
}
