package org.zhicheng.api.business.descriptor;

/**
 * An organisation that sees the applications of its subtree and their progress without review rights
 * (GD-PHOTO-6: the city authority sees its units' submitted and unsubmitted photos, can query and download).
 *
 * @param id the observer id, unique among observers
 * @param name the display name, e.g. 地市主管部门 / City authority
 * @param organisation the organisation picked on each applicant's path, and the role its users need
 * @param canDownload whether observers may download the uploaded files; default false
 */
public record Observer(String id, BilingualText name, OrganisationSelector organisation, Boolean canDownload) {

    /** Normalises the absent flag to its default. */
    public Observer {
        canDownload = Defaults.flag(canDownload, false);
    }
}
