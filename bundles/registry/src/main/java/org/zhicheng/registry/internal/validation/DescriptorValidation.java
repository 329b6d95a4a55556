package org.zhicheng.registry.internal.validation;

import java.util.List;

import org.zhicheng.api.business.descriptor.BusinessDescriptor;

/**
 * The outcome of validating a business descriptor.
 *
 * @param descriptor the bound descriptor, {@code null} when any problem was found
 * @param problems every problem found, empty when the descriptor is valid
 */
public record DescriptorValidation(BusinessDescriptor descriptor, List<DescriptorProblem> problems) {

    /** Copies the problem list. */
    public DescriptorValidation {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** Whether the descriptor is valid: no problem, and bound. */
    public boolean valid() {
        return problems.isEmpty() && descriptor != null;
    }
}
