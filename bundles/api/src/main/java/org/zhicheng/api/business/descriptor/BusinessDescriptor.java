package org.zhicheng.api.business.descriptor;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The declarative description of one business, the JSON a {@link org.zhicheng.api.business.Business} service
 * returns from {@code openDescriptor()}, validated against {@code business-descriptor.schema.json} (a resource of
 * this package) and by the registry's semantic checks before the platform serves it. The same format serves every
 * province: GD-PHOTO photo collection, GD-TITLE review applications and GD-CERT certificates, CQ senior-title
 * applications and FJ exam pre-registration.
 *
 * @param formatVersion the descriptor format this document is written for, {@code 1.0} (any {@code 1.x} is read
 *     by this model)
 * @param id the business id, {@code ^[a-z][a-z0-9-]{2,63}$}, equal to the service property
 *     {@code zhicheng.business.id}
 * @param version the descriptor version, semantic {@code MAJOR.MINOR.PATCH}; an application stays pinned to the
 *     version it was started under (DESIGN: rules are versioned)
 * @param province the province or deployment code, e.g. {@code gd}, {@code cq}, {@code fj}
 * @param name the display name
 * @param description what the business is for and who applies
 * @param season the season and its action windows (GD-PHOTO-3, FJ-1); {@code null} when the business is always
 *     open and its season is the calendar year
 * @param form the form schema: sections, fields and cross-field rules (GD-TITLE-2, CQ-APP-2/3, FJ-2)
 * @param uploads the upload slots and the per-application quota (GD-PHOTO-2, CQ-APP-4, FJ-3); never {@code null}
 * @param review the review chain: steps, route table, gates, observers, return policy (GD-PHOTO-4..6,
 *     GD-TITLE-6, CQ-REV-1..3, FJ-4..6)
 * @param documents printable forms, public-notice tables, confirmation sheets and rosters (CQ-DOC-1..3,
 *     CQ-REV-4, FJ-1)
 * @param certificate the certificate issued at the end, {@code null} when none (GD-CERT-1..3)
 * @param dictionaries the code lists fields choose from, inline or from a named source (GD-TITLE-3, FJ-2)
 * @param options business-wide options (CQ-APP-6, CQ-REV-2, GD-PHOTO-1, GD-TITLE-7); never {@code null}
 */
public record BusinessDescriptor(
        String formatVersion,
        String id,
        String version,
        String province,
        BilingualText name,
        BilingualText description,
        Season season,
        Form form,
        Uploads uploads,
        Review review,
        List<Document> documents,
        Certificate certificate,
        List<Dictionary> dictionaries,
        Options options) {

    /** Normalises absent lists to empty ones and absent uploads and options to their defaults. */
    public BusinessDescriptor {
        uploads = uploads == null ? new Uploads(null, null) : uploads;
        documents = Defaults.list(documents);
        dictionaries = Defaults.list(dictionaries);
        options = options == null ? Options.DEFAULTS : options;
    }

    /**
     * The field with this id, in any section.
     *
     * @param fieldId the field id
     * @return the field, or empty when there is none
     */
    public Optional<Field> field(String fieldId) {
        return form == null ? Optional.empty() : form.field(fieldId);
    }

    /**
     * The upload slot with this id.
     *
     * @param slotId the slot id
     * @return the slot, or empty when there is none
     */
    public Optional<UploadSlot> slot(String slotId) {
        return uploads.slots().stream().filter(s -> s.id().equals(slotId)).findFirst();
    }

    /**
     * The review step with this id.
     *
     * @param stepId the step id
     * @return the step, or empty when there is none
     */
    public Optional<ReviewStep> step(String stepId) {
        return review == null ? Optional.empty()
                : review.steps().stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /**
     * The dictionary with this id.
     *
     * @param dictionaryId the dictionary id
     * @return the dictionary, or empty when there is none
     */
    /**
     * The label of a choice answer: the field's own option, else the entry of its dictionary (GD-CERT-1 and printed
     * documents print choices by their labels).
     *
     * @param field a choice, multi-choice or region field
     * @param code the answer's code
     * @return the label, or empty when neither the options nor the dictionary know the code
     */
    public Optional<BilingualText> choiceLabel(Field field, String code) {
        for (Option o : field.options()) {
            if (o.code().equals(code)) {
                return Optional.of(o.label());
            }
        }
        return field.dictionary() == null ? Optional.empty() : dictionary(field.dictionary())
                .flatMap(d -> d.entries().stream().filter(e -> e.code().equals(code)).findFirst())
                .map(DictionaryEntry::label);
    }

    public Optional<Dictionary> dictionary(String dictionaryId) {
        return dictionaries.stream().filter(d -> d.id().equals(dictionaryId)).findFirst();
    }

    /**
     * The document with this id.
     *
     * @param documentId the document id
     * @return the document, or empty when there is none
     */
    public Optional<Document> document(String documentId) {
        return documents.stream().filter(d -> d.id().equals(documentId)).findFirst();
    }

    /** Every field of every section, in document order. */
    public Stream<Field> fields() {
        return form == null ? Stream.empty() : form.sections().stream().flatMap(s -> s.fields().stream());
    }
}
