package org.zhicheng.registry.internal.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.zhicheng.api.business.descriptor.Block;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.Certificate;
import org.zhicheng.api.business.descriptor.CertificateField;
import org.zhicheng.api.business.descriptor.Column;
import org.zhicheng.api.business.descriptor.ColumnMeta;
import org.zhicheng.api.business.descriptor.Computation;
import org.zhicheng.api.business.descriptor.ComputationKind;
import org.zhicheng.api.business.descriptor.Condition;
import org.zhicheng.api.business.descriptor.Dictionary;
import org.zhicheng.api.business.descriptor.DictionaryEntry;
import org.zhicheng.api.business.descriptor.Document;
import org.zhicheng.api.business.descriptor.DocumentFormat;
import org.zhicheng.api.business.descriptor.DocumentKind;
import org.zhicheng.api.business.descriptor.Eligibility;
import org.zhicheng.api.business.descriptor.Field;
import org.zhicheng.api.business.descriptor.FieldType;
import org.zhicheng.api.business.descriptor.FileNameSource;
import org.zhicheng.api.business.descriptor.FileType;
import org.zhicheng.api.business.descriptor.Gate;
import org.zhicheng.api.business.descriptor.ImageRule;
import org.zhicheng.api.business.descriptor.Option;
import org.zhicheng.api.business.descriptor.OrderKey;
import org.zhicheng.api.business.descriptor.OrganisationPick;
import org.zhicheng.api.business.descriptor.OrganisationSelector;
import org.zhicheng.api.business.descriptor.Page;
import org.zhicheng.api.business.descriptor.Review;
import org.zhicheng.api.business.descriptor.ReviewAction;
import org.zhicheng.api.business.descriptor.ReviewStep;
import org.zhicheng.api.business.descriptor.Route;
import org.zhicheng.api.business.descriptor.Rule;
import org.zhicheng.api.business.descriptor.Section;
import org.zhicheng.api.business.descriptor.SlotBacking;
import org.zhicheng.api.business.descriptor.UploadSlot;
import org.zhicheng.api.business.descriptor.Window;

/**
 * The checks the JSON Schema cannot express, run on a schema-valid, bound descriptor. Each problem names the JSON
 * pointer of the offending value. Covered:
 * <ul>
 * <li>unique ids: sections and fields together (they share the answer namespace), rules, slots, steps and gates
 *     together (documents refer to either), routes, observers, windows, documents, dictionaries, certificate
 *     field keys, option codes per field, entry codes per dictionary;</li>
 * <li>every reference resolves: fields in conditions, rules, computations, cascades, slot backings, file names,
 *     columns, blocks, selectors and certificate fields; sections; slots; steps and gates; documents;
 *     dictionaries and parent codes;</li>
 * <li>scope: a field of a repeatable section is visible only to conditions of that section's rows;</li>
 * <li>conditions: one combination or one test with exactly one subject and one operator; regular expressions
 *     compile; literals compared with a choice field are codes of its options or inline dictionary;</li>
 * <li>field types: choices have exactly one of dictionary and options, other types neither; length, value,
 *     row, file and pixel limits are ordered; a computed field's type fits its computation; no computation
 *     cycles; a cascade parent exists, comes earlier and uses the dictionary the child's entries hang from;</li>
 * <li>the review: action lists are consistent; selectors carry what their pick needs; every route names
 *     existing steps; a route without condition (catch-all) is allowed only as the last route, and when there
 *     is none an applicant no route matches is refused at submission; a gate that counts people without an
 *     application needs a roster;</li>
 * <li>windows, documents, certificate and dictionaries: instants parse and are ordered, rosters have columns and
 *     other documents pages, numbering placeholders are known, dictionaries have entries or a source, parent
 *     codes exist and trees have no cycles.</li>
 * </ul>
 * Not thread-safe: one instance per validation.
 */
final class SemanticChecks {

    private static final Set<FieldType> TEXT_TYPES = EnumSet.of(FieldType.TEXT, FieldType.TEXTAREA,
            FieldType.ID_NUMBER, FieldType.MOBILE, FieldType.EMAIL);
    private static final Set<FieldType> NUMERIC_TYPES = EnumSet.of(FieldType.NUMBER, FieldType.INTEGER);
    private static final Set<FieldType> DATE_TYPES = EnumSet.of(FieldType.DATE, FieldType.YEAR_MONTH);
    private static final Set<FileType> IMAGE_TYPES = EnumSet.of(FileType.JPEG, FileType.PNG, FileType.BMP);
    private static final Set<ColumnMeta> FILE_METAS = EnumSet.of(ColumnMeta.FILE_SIZE, ColumnMeta.UPLOADED_AT,
            ColumnMeta.FILE_EXISTS);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern SEQUENCE = Pattern.compile("seq:([1-9]|1[0-2])");

    /** A field with its section, document order and pointer. */
    private record FieldInfo(Field field, Section section, int order, String pointer) {
    }

    /**
     * Where a condition is evaluated: the repeatable section whose current row it sees ({@code null} for none),
     * and whether it tests an organisation in a selector.
     */
    private record Scope(Section row, boolean selector) {

        static final Scope FORM = new Scope(null, false);
        static final Scope SELECTOR = new Scope(null, true);

        static Scope of(Section section) {
            return section != null && section.repeatable() ? new Scope(section, false) : FORM;
        }
    }

    private final BusinessDescriptor descriptor;
    private final List<DescriptorProblem> problems = new ArrayList<>();

    private final Map<String, Section> sections = new HashMap<>();
    private final Map<String, FieldInfo> fields = new LinkedHashMap<>();
    private final Map<String, UploadSlot> slots = new HashMap<>();
    private final Map<String, ReviewStep> steps = new HashMap<>();
    private final Map<String, Gate> gates = new HashMap<>();
    private final Map<String, Document> documents = new HashMap<>();
    private final Map<String, Dictionary> dictionaries = new HashMap<>();

    SemanticChecks(BusinessDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /** Runs every check. */
    List<DescriptorProblem> run() {
        index();
        checkForm();
        checkComputationCycles();
        checkUploads();
        checkReview();
        checkSeason();
        checkDocuments();
        checkCertificate();
        checkDictionaries();
        return List.copyOf(problems);
    }

    private void problem(String pointer, String message) {
        problems.add(new DescriptorProblem(pointer, message));
    }

    // ---------------------------------------------------------------- ids

    private void index() {
        Map<String, String> answerKeys = new HashMap<>();
        Map<String, String> ruleIds = new HashMap<>();
        int order = 0;
        List<Section> sectionList = descriptor.form().sections();
        for (int i = 0; i < sectionList.size(); i++) {
            Section section = sectionList.get(i);
            String sp = "/form/sections/" + i;
            if (unique(answerKeys, section.id(), sp + "/id", "section or field")) {
                sections.put(section.id(), section);
            }
            for (int j = 0; j < section.fields().size(); j++) {
                Field field = section.fields().get(j);
                String fp = sp + "/fields/" + j;
                if (unique(answerKeys, field.id(), fp + "/id", "section or field")) {
                    fields.put(field.id(), new FieldInfo(field, section, order++, fp));
                }
            }
            for (int k = 0; k < section.rowRules().size(); k++) {
                unique(ruleIds, section.rowRules().get(k).id(), sp + "/rowRules/" + k + "/id", "rule");
            }
        }
        List<Rule> rules = descriptor.form().rules();
        for (int k = 0; k < rules.size(); k++) {
            unique(ruleIds, rules.get(k).id(), "/form/rules/" + k + "/id", "rule");
        }

        Map<String, String> seen = new HashMap<>();
        List<UploadSlot> slotList = descriptor.uploads().slots();
        for (int k = 0; k < slotList.size(); k++) {
            if (unique(seen, slotList.get(k).id(), "/uploads/slots/" + k + "/id", "slot")) {
                slots.put(slotList.get(k).id(), slotList.get(k));
            }
        }

        Review review = descriptor.review();
        seen = new HashMap<>();
        for (int k = 0; k < review.steps().size(); k++) {
            if (unique(seen, review.steps().get(k).id(), "/review/steps/" + k + "/id", "step or gate")) {
                steps.put(review.steps().get(k).id(), review.steps().get(k));
            }
        }
        for (int k = 0; k < review.gates().size(); k++) {
            if (unique(seen, review.gates().get(k).id(), "/review/gates/" + k + "/id", "step or gate")) {
                gates.put(review.gates().get(k).id(), review.gates().get(k));
            }
        }
        seen = new HashMap<>();
        for (int k = 0; k < review.routes().size(); k++) {
            unique(seen, review.routes().get(k).id(), "/review/routes/" + k + "/id", "route");
        }
        seen = new HashMap<>();
        for (int k = 0; k < review.observers().size(); k++) {
            unique(seen, review.observers().get(k).id(), "/review/observers/" + k + "/id", "observer");
        }

        if (descriptor.season() != null) {
            seen = new HashMap<>();
            List<Window> windows = descriptor.season().windows();
            for (int k = 0; k < windows.size(); k++) {
                unique(seen, windows.get(k).id(), "/season/windows/" + k + "/id", "window");
            }
        }

        seen = new HashMap<>();
        for (int k = 0; k < descriptor.documents().size(); k++) {
            Document document = descriptor.documents().get(k);
            if (unique(seen, document.id(), "/documents/" + k + "/id", "document")) {
                documents.put(document.id(), document);
            }
        }

        seen = new HashMap<>();
        for (int k = 0; k < descriptor.dictionaries().size(); k++) {
            Dictionary dictionary = descriptor.dictionaries().get(k);
            if (unique(seen, dictionary.id(), "/dictionaries/" + k + "/id", "dictionary")) {
                dictionaries.put(dictionary.id(), dictionary);
            }
        }
    }

    /** Records the id; reports a duplicate and returns false when it was already taken. */
    private boolean unique(Map<String, String> seen, String id, String pointer, String what) {
        String first = seen.putIfAbsent(id, pointer);
        if (first != null) {
            problem(pointer, "Duplicate " + what + " id '" + id + "': already used at " + first + ".");
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- form

    private void checkForm() {
        List<Section> sectionList = descriptor.form().sections();
        for (int i = 0; i < sectionList.size(); i++) {
            Section section = sectionList.get(i);
            String sp = "/form/sections/" + i;
            if (!section.repeatable()) {
                if (section.minRows() != null) {
                    problem(sp + "/minRows", "Only a repeatable section has minRows.");
                }
                if (section.maxRows() != null) {
                    problem(sp + "/maxRows", "Only a repeatable section has maxRows.");
                }
                if (section.orderable()) {
                    problem(sp + "/orderable", "Only a repeatable section can be orderable.");
                }
                if (!section.rowRules().isEmpty()) {
                    problem(sp + "/rowRules", "Only a repeatable section has row rules.");
                }
                if (section.rowOrder() != null) {
                    problem(sp + "/rowOrder", "Only a repeatable section has a row order.");
                }
            } else if (section.minRows() != null && section.maxRows() != null
                    && section.minRows() > section.maxRows()) {
                problem(sp + "/minRows", "minRows (" + section.minRows() + ") is greater than maxRows ("
                        + section.maxRows() + ").");
            }
            condition(section.visibleWhen(), sp + "/visibleWhen", Scope.FORM);
            for (int j = 0; j < section.fields().size(); j++) {
                checkField(section, section.fields().get(j), sp + "/fields/" + j);
            }
            if (section.repeatable()) {
                for (int k = 0; k < section.rowRules().size(); k++) {
                    checkRule(section.rowRules().get(k), sp + "/rowRules/" + k, Scope.of(section));
                }
                if (section.rowOrder() != null) {
                    checkRowOrder(section, sp + "/rowOrder");
                }
            }
        }
        List<Rule> rules = descriptor.form().rules();
        for (int k = 0; k < rules.size(); k++) {
            checkRule(rules.get(k), "/form/rules/" + k, Scope.FORM);
        }
    }

    private void checkRule(Rule rule, String pointer, Scope scope) {
        condition(rule.when(), pointer + "/when", scope);
        condition(rule.check(), pointer + "/check", scope);
        if (rule.field() != null) {
            fieldRef(rule.field(), pointer + "/field", scope);
        }
    }

    private void checkRowOrder(Section section, String pointer) {
        if (!section.orderable()) {
            problem(pointer, "A section with a rowOrder must be orderable, so that applicants can put rows in order.");
        }
        List<OrderKey> keys = section.rowOrder().keys();
        for (int k = 0; k < keys.size(); k++) {
            OrderKey key = keys.get(k);
            String kp = pointer + "/keys/" + k;
            FieldInfo info = fields.get(key.field());
            if (info == null) {
                problem(kp + "/field", "Unknown field '" + key.field() + "'.");
                continue;
            }
            if (info.section() != section) {
                problem(kp + "/field", "Field '" + key.field() + "' is not in section '" + section.id() + "'.");
                continue;
            }
            Set<String> codes = knownCodes(info.field());
            if (codes != null) {
                for (int m = 0; m < key.sequence().size(); m++) {
                    if (!codes.contains(key.sequence().get(m))) {
                        problem(kp + "/sequence/" + m, "'" + key.sequence().get(m) + "' is not a code of field '"
                                + key.field() + "'.");
                    }
                }
            }
        }
    }

    private void checkField(Section section, Field field, String fp) {
        Scope scope = Scope.of(section);
        FieldType type = field.type();
        condition(field.requiredWhen(), fp + "/requiredWhen", scope);
        condition(field.visibleWhen(), fp + "/visibleWhen", scope);

        boolean choice = type == FieldType.CHOICE || type == FieldType.MULTI_CHOICE;
        boolean picker = type == FieldType.REGION || type == FieldType.ORGANISATION;
        if (choice) {
            if ((field.dictionary() == null) == field.options().isEmpty()) {
                problem(fp, "A " + type.json() + " field needs exactly one of dictionary and options.");
            }
        } else {
            if (!field.options().isEmpty()) {
                problem(fp + "/options", "Only choice and multiChoice fields have options.");
            }
            if (!picker && field.dictionary() != null) {
                problem(fp + "/dictionary", "A " + type.json()
                        + " field has no dictionary; only choice, multiChoice, region and organisation fields do.");
            }
        }
        if (field.dictionary() != null && !dictionaries.containsKey(field.dictionary())) {
            problem(fp + "/dictionary", "Unknown dictionary '" + field.dictionary() + "'.");
        }
        Set<String> optionCodes = new HashSet<>();
        for (int k = 0; k < field.options().size(); k++) {
            Option option = field.options().get(k);
            if (!optionCodes.add(option.code())) {
                problem(fp + "/options/" + k + "/code", "Duplicate option code '" + option.code() + "'.");
            }
        }
        if (field.maxSelections() != null && type != FieldType.MULTI_CHOICE) {
            problem(fp + "/maxSelections", "Only a multiChoice field has maxSelections.");
        }

        if (field.pattern() != null) {
            if (!TEXT_TYPES.contains(type)) {
                problem(fp + "/pattern", "A " + type.json() + " field has no pattern; only text-like fields do.");
            }
            compiles(field.pattern(), fp + "/pattern");
        }
        if ((field.minLength() != null || field.maxLength() != null) && !TEXT_TYPES.contains(type)) {
            problem(fp, "A " + type.json() + " field has no minLength or maxLength; only text-like fields do.");
        }
        if (field.minLength() != null && field.maxLength() != null && field.minLength() > field.maxLength()) {
            problem(fp + "/minLength", "minLength (" + field.minLength() + ") is greater than maxLength ("
                    + field.maxLength() + ").");
        }
        if ((field.min() != null || field.max() != null) && !NUMERIC_TYPES.contains(type)) {
            problem(fp, "A " + type.json() + " field has no min or max; only number and integer fields do.");
        }
        if (field.min() != null && field.max() != null && field.min().compareTo(field.max()) > 0) {
            problem(fp + "/min", "min (" + field.min() + ") is greater than max (" + field.max() + ").");
        }

        if (type == FieldType.FILE) {
            if (field.slot() == null) {
                problem(fp, "A file field names the slot whose upload it shows.");
            } else {
                checkFileSlot(section, field, fp + "/slot");
            }
        } else if (field.slot() != null) {
            problem(fp + "/slot", "Only a file field names a slot.");
        }

        if (field.cascadeParent() != null) {
            checkCascade(section, field, fp);
        }
        if (field.computed() != null) {
            if (field.prefill() != null) {
                problem(fp + "/computed", "A field is either computed or prefilled, not both.");
            }
            checkComputation(section, field, fp + "/computed");
        }
    }

    private void checkFileSlot(Section section, Field field, String pointer) {
        UploadSlot slot = slots.get(field.slot());
        if (slot == null) {
            problem(pointer, "Unknown slot '" + field.slot() + "'.");
            return;
        }
        String rowSection = slot.backs() == null ? null : slot.backs().section();
        if (section.repeatable() && !section.id().equals(rowSection)) {
            problem(pointer, "Field '" + field.id() + "' is in repeatable section '" + section.id() + "', but slot '"
                    + slot.id() + "' is not a row slot of that section (backs.section).");
        } else if (!section.repeatable() && rowSection != null) {
            problem(pointer, "Slot '" + slot.id() + "' is a row slot of section '" + rowSection
                    + "'; a file field showing it must be in that section.");
        }
    }

    private void checkCascade(Section section, Field field, String fp) {
        String pp = fp + "/cascadeParent";
        FieldInfo parent = fieldRef(field.cascadeParent(), pp, Scope.of(section));
        if (parent == null) {
            return;
        }
        if (parent.field() == field) {
            problem(pp, "A field cannot be its own cascade parent.");
            return;
        }
        if (parent.order() >= fields.get(field.id()).order()) {
            problem(pp, "The cascade parent '" + field.cascadeParent() + "' must come before field '" + field.id()
                    + "'.");
        }
        if (field.dictionary() == null) {
            problem(fp, "A field with a cascadeParent takes its entries from a dictionary whose entries have parent"
                    + " codes; it needs a dictionary.");
            return;
        }
        if (parent.field().dictionary() == null) {
            problem(pp, "The cascade parent '" + field.cascadeParent() + "' has no dictionary.");
            return;
        }
        Dictionary dictionary = dictionaries.get(field.dictionary());
        if (dictionary == null) {
            return;
        }
        String expected = dictionary.parentDictionary() != null ? dictionary.parentDictionary() : dictionary.id();
        if (!expected.equals(parent.field().dictionary())) {
            problem(pp, "Dictionary '" + dictionary.id() + "' takes its parent codes from dictionary '" + expected
                    + "', but the cascade parent '" + field.cascadeParent() + "' uses dictionary '"
                    + parent.field().dictionary() + "'.");
        }
    }

    private void checkComputation(Section section, Field field, String cp) {
        Computation computation = field.computed();
        Scope scope = Scope.of(section);
        FieldType expected;
        switch (computation.kind()) {
            case MONTHS_BETWEEN, YEARS_BETWEEN, YEARS_AND_MONTHS_BETWEEN -> {
                if (computation.from() == null) {
                    problem(cp, "A " + computation.kind().json() + " computation needs 'from'.");
                } else {
                    dateRef(computation.from(), cp + "/from", scope);
                }
                if (computation.to() != null && !Computation.TODAY.equals(computation.to())) {
                    dateRef(computation.to(), cp + "/to", scope);
                }
                if (!computation.of().isEmpty()) {
                    problem(cp + "/of", "'of' is used by sum and rowCount only.");
                }
                expected = computation.kind() == ComputationKind.YEARS_AND_MONTHS_BETWEEN
                        ? FieldType.TEXT : FieldType.INTEGER;
            }
            case SUM -> {
                noDates(computation, cp);
                if (computation.of().isEmpty()) {
                    problem(cp, "A sum computation lists the fields to add in 'of'.");
                }
                for (int k = 0; k < computation.of().size(); k++) {
                    String id = computation.of().get(k);
                    // A single field may sum a column over the rows of any repeatable section.
                    FieldInfo info = section.repeatable() ? fieldRef(id, cp + "/of/" + k, scope)
                            : anyFieldRef(id, cp + "/of/" + k);
                    if (info != null && !NUMERIC_TYPES.contains(info.field().type())) {
                        problem(cp + "/of/" + k, "Field '" + id + "' is not a number or integer field.");
                    }
                }
                expected = NUMERIC_TYPES.contains(field.type()) ? field.type() : FieldType.NUMBER;
            }
            case ROW_COUNT -> {
                noDates(computation, cp);
                if (computation.of().size() != 1) {
                    problem(cp + "/of", "A rowCount computation names exactly one repeatable section in 'of'.");
                } else {
                    repeatableSectionRef(computation.of().get(0), cp + "/of/0");
                }
                expected = FieldType.INTEGER;
            }
            default -> throw new IllegalStateException("Unhandled computation " + computation.kind());
        }
        if (field.type() != expected) {
            problem(cp, "A " + computation.kind().json() + " computation gives " + expected.json()
                    + " values, but field '" + field.id() + "' is of type " + field.type().json() + ".");
        }
    }

    private void noDates(Computation computation, String cp) {
        if (computation.from() != null || computation.to() != null) {
            problem(cp, "'from' and 'to' are used by the date computations only.");
        }
    }

    private void checkComputationCycles() {
        Map<String, List<String>> dependencies = new HashMap<>();
        for (FieldInfo info : fields.values()) {
            Computation computation = info.field().computed();
            if (computation != null) {
                List<String> uses = new ArrayList<>(computation.of());
                if (computation.from() != null) {
                    uses.add(computation.from());
                }
                if (computation.to() != null) {
                    uses.add(computation.to());
                }
                dependencies.put(info.field().id(), uses);
            }
        }
        Set<String> done = new HashSet<>();
        for (String start : dependencies.keySet()) {
            if (reachesItself(start, start, dependencies, new HashSet<>()) && done.add(start)) {
                problem(fields.get(start).pointer() + "/computed", "Computed field '" + start
                        + "' depends on itself.");
            }
        }
    }

    private static boolean reachesItself(String target, String current, Map<String, List<String>> dependencies,
            Set<String> visited) {
        for (String next : dependencies.getOrDefault(current, List.of())) {
            if (next.equals(target)) {
                return true;
            }
            if (visited.add(next) && reachesItself(target, next, dependencies, visited)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- references

    /** A field visible in the scope, or {@code null} after reporting why not. */
    private FieldInfo fieldRef(String id, String pointer, Scope scope) {
        FieldInfo info = anyFieldRef(id, pointer);
        if (info == null) {
            return null;
        }
        if (info.section().repeatable() && info.section() != scope.row()) {
            problem(pointer, "Field '" + id + "' belongs to repeatable section '" + info.section().id()
                    + "' and is visible only to conditions and rules of that section's rows"
                    + " (use rowCount for the number of rows).");
            return null;
        }
        return info;
    }

    /** A field anywhere in the form, or {@code null} after reporting that it is unknown. */
    private FieldInfo anyFieldRef(String id, String pointer) {
        FieldInfo info = fields.get(id);
        if (info == null) {
            problem(pointer, sections.containsKey(id) ? "'" + id + "' is a section, not a field."
                    : "Unknown field '" + id + "'.");
        }
        return info;
    }

    private void dateRef(String id, String pointer, Scope scope) {
        FieldInfo info = fieldRef(id, pointer, scope);
        if (info != null && !DATE_TYPES.contains(info.field().type())) {
            problem(pointer, "Field '" + id + "' is not a date or yearMonth field.");
        }
    }

    private Section repeatableSectionRef(String id, String pointer) {
        Section section = sections.get(id);
        if (section == null) {
            problem(pointer, fields.containsKey(id) ? "'" + id + "' is a field, not a section."
                    : "Unknown section '" + id + "'.");
            return null;
        }
        if (!section.repeatable()) {
            problem(pointer, "Section '" + id + "' is not repeatable.");
            return null;
        }
        return section;
    }

    private void stepOrGateRef(String id, String pointer) {
        if (!steps.containsKey(id) && !gates.containsKey(id)) {
            problem(pointer, "Unknown step or gate '" + id + "'.");
        }
    }

    private void slotRef(String id, String pointer) {
        if (!slots.containsKey(id)) {
            problem(pointer, "Unknown slot '" + id + "'.");
        }
    }

    private void compiles(String regex, String pointer) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            problem(pointer, "Not a valid regular expression: " + e.getDescription() + ".");
        }
    }

    /** The codes a choice field's answer can take, or {@code null} when they are not known here. */
    private Set<String> knownCodes(Field field) {
        if (!field.options().isEmpty()) {
            Set<String> codes = new HashSet<>();
            field.options().forEach(o -> codes.add(o.code()));
            return codes;
        }
        boolean choice = field.type() == FieldType.CHOICE || field.type() == FieldType.MULTI_CHOICE;
        if (field.dictionary() != null && choice) {
            Dictionary dictionary = dictionaries.get(field.dictionary());
            if (dictionary != null && !dictionary.entries().isEmpty()) {
                Set<String> codes = new HashSet<>();
                dictionary.entries().forEach(e -> codes.add(e.code()));
                return codes;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- conditions

    private void condition(Condition condition, String pointer, Scope scope) {
        if (condition == null) {
            return;
        }
        List<String> combinations = new ArrayList<>();
        if (!condition.all().isEmpty()) {
            combinations.add("all");
        }
        if (!condition.any().isEmpty()) {
            combinations.add("any");
        }
        if (condition.not() != null) {
            combinations.add("not");
        }
        List<String> subjects = new ArrayList<>();
        addIf(subjects, "field", condition.field() != null);
        addIf(subjects, "org", condition.org() != null);
        addIf(subjects, "ancestor", condition.ancestor() != null);
        addIf(subjects, "monthsBetween", !condition.monthsBetween().isEmpty());
        addIf(subjects, "yearsBetween", !condition.yearsBetween().isEmpty());
        addIf(subjects, "rowCount", condition.rowCount() != null);
        List<String> operators = operators(condition);

        if (!combinations.isEmpty()) {
            if (combinations.size() > 1 || !subjects.isEmpty() || !operators.isEmpty()
                    || condition.where() != null) {
                List<String> keys = new ArrayList<>(combinations);
                keys.addAll(subjects);
                keys.addAll(operators);
                problem(pointer, "A condition is either one of all, any and not, or one test (a subject and an"
                        + " operator); found " + keys + ".");
            }
            for (int k = 0; k < condition.all().size(); k++) {
                condition(condition.all().get(k), pointer + "/all/" + k, scope);
            }
            for (int k = 0; k < condition.any().size(); k++) {
                condition(condition.any().get(k), pointer + "/any/" + k, scope);
            }
            condition(condition.not(), pointer + "/not", scope);
            return;
        }
        if (subjects.size() != 1) {
            problem(pointer, subjects.isEmpty()
                    ? "A condition needs one of all, any and not, or a subject (field, org, ancestor, monthsBetween,"
                            + " yearsBetween or rowCount) with an operator."
                    : "A test has exactly one subject; found " + subjects + ".");
            return;
        }
        if (operators.size() != 1) {
            problem(pointer, operators.isEmpty()
                    ? "The test of " + subjects.get(0) + " needs an operator (equals, notEquals, in, notIn, empty,"
                            + " lt, lte, gt, gte, matches, or one of equalsField … gteField)."
                    : "A test has exactly one operator; found " + operators + ".");
        }
        if (scope.selector() && condition.org() == null) {
            problem(pointer, "A selector's match tests the organisation itself: use the 'org' subject.");
            return;
        }

        if (condition.field() != null) {
            FieldInfo info = fieldRef(condition.field(), pointer + "/field", scope);
            if (info != null) {
                checkLiterals(condition, info.field(), pointer);
            }
        }
        checkDates(condition.monthsBetween(), pointer + "/monthsBetween", scope);
        checkDates(condition.yearsBetween(), pointer + "/yearsBetween", scope);
        if (condition.rowCount() != null) {
            Section counted = repeatableSectionRef(condition.rowCount(), pointer + "/rowCount");
            if (counted != null) {
                condition(condition.where(), pointer + "/where", Scope.of(counted));
            }
        } else if (condition.where() != null) {
            problem(pointer + "/where", "where is used only with the rowCount subject.");
        }
        if (condition.matches() != null) {
            compiles(condition.matches(), pointer + "/matches");
        }
        String[][] fieldOperators = {
            {"equalsField", condition.equalsField()}, {"notEqualsField", condition.notEqualsField()},
            {"ltField", condition.ltField()}, {"lteField", condition.lteField()},
            {"gtField", condition.gtField()}, {"gteField", condition.gteField()}};
        for (String[] operator : fieldOperators) {
            if (operator[1] != null) {
                fieldRef(operator[1], pointer + "/" + operator[0], scope);
            }
        }
    }

    private static List<String> operators(Condition condition) {
        List<String> operators = new ArrayList<>();
        addIf(operators, "equals", condition.equals() != null);
        addIf(operators, "notEquals", condition.notEquals() != null);
        addIf(operators, "in", !condition.in().isEmpty());
        addIf(operators, "notIn", !condition.notIn().isEmpty());
        addIf(operators, "empty", condition.empty() != null);
        addIf(operators, "lt", condition.lt() != null);
        addIf(operators, "lte", condition.lte() != null);
        addIf(operators, "gt", condition.gt() != null);
        addIf(operators, "gte", condition.gte() != null);
        addIf(operators, "matches", condition.matches() != null);
        addIf(operators, "equalsField", condition.equalsField() != null);
        addIf(operators, "notEqualsField", condition.notEqualsField() != null);
        addIf(operators, "ltField", condition.ltField() != null);
        addIf(operators, "lteField", condition.lteField() != null);
        addIf(operators, "gtField", condition.gtField() != null);
        addIf(operators, "gteField", condition.gteField() != null);
        return operators;
    }

    private static void addIf(List<String> list, String name, boolean present) {
        if (present) {
            list.add(name);
        }
    }

    private void checkLiterals(Condition condition, Field field, String pointer) {
        Set<String> codes = knownCodes(field);
        if (codes == null) {
            return;
        }
        literal(condition.equals(), codes, field, pointer + "/equals");
        literal(condition.notEquals(), codes, field, pointer + "/notEquals");
        for (int k = 0; k < condition.in().size(); k++) {
            literal(condition.in().get(k), codes, field, pointer + "/in/" + k);
        }
        for (int k = 0; k < condition.notIn().size(); k++) {
            literal(condition.notIn().get(k), codes, field, pointer + "/notIn/" + k);
        }
    }

    private void literal(Object value, Set<String> codes, Field field, String pointer) {
        if (value != null && !codes.contains(String.valueOf(value))) {
            problem(pointer, "'" + value + "' is not a code of field '" + field.id() + "'.");
        }
    }

    private void checkDates(List<String> ids, String pointer, Scope scope) {
        for (int k = 0; k < ids.size(); k++) {
            if (!Condition.TODAY.equals(ids.get(k))) {
                dateRef(ids.get(k), pointer + "/" + k, scope);
            }
        }
    }

    // ---------------------------------------------------------------- uploads

    private void checkUploads() {
        Long quota = descriptor.uploads().quotaBytes();
        List<UploadSlot> slotList = descriptor.uploads().slots();
        for (int k = 0; k < slotList.size(); k++) {
            UploadSlot slot = slotList.get(k);
            String sp = "/uploads/slots/" + k;
            if (quota != null && slot.maxBytes() != null && slot.maxBytes() > quota) {
                problem(sp + "/maxBytes", "maxBytes (" + slot.maxBytes() + ") exceeds the application quota ("
                        + quota + ").");
            }
            if (slot.minFiles() > slot.maxFiles()) {
                problem(sp + "/minFiles", "minFiles (" + slot.minFiles() + ") is greater than maxFiles ("
                        + slot.maxFiles() + ").");
            }
            boolean acceptsImages = slot.accept().stream().anyMatch(IMAGE_TYPES::contains);
            if (slot.image() != null) {
                if (!acceptsImages) {
                    problem(sp + "/image", "Image rules need an image type (jpeg, png, bmp) in accept.");
                }
                checkImage(slot.image(), sp + "/image");
            }
            if (slot.pdf() != null && !slot.accept().contains(FileType.PDF)) {
                problem(sp + "/pdf", "PDF rules need pdf in accept.");
            }
            Section rowSection = null;
            SlotBacking backs = slot.backs();
            if (backs != null) {
                if (backs.section() != null) {
                    rowSection = repeatableSectionRef(backs.section(), sp + "/backs/section");
                }
                Scope scope = Scope.of(rowSection);
                for (int m = 0; m < backs.fields().size(); m++) {
                    FieldInfo info = fieldRef(backs.fields().get(m), sp + "/backs/fields/" + m, scope);
                    if (info != null && rowSection != null && info.section() != rowSection) {
                        problem(sp + "/backs/fields/" + m, "Field '" + info.field().id() + "' is not in section '"
                                + rowSection.id() + "', whose rows this slot backs.");
                    }
                }
            }
            condition(slot.requiredWhen(), sp + "/requiredWhen", Scope.of(rowSection));
            if (slot.fileName() != null) {
                if (slot.fileName().source() == FileNameSource.FIELD) {
                    if (slot.fileName().field() == null) {
                        problem(sp + "/fileName", "A file name taken from a field names the field.");
                    } else {
                        fieldRef(slot.fileName().field(), sp + "/fileName/field", Scope.of(rowSection));
                    }
                } else if (slot.fileName().field() != null) {
                    problem(sp + "/fileName/field", "'field' is used only with source 'field'.");
                }
            }
            if (slot.template() != null && !documents.containsKey(slot.template())) {
                problem(sp + "/template", "Unknown document '" + slot.template() + "'.");
            }
        }
    }

    private void checkImage(ImageRule image, String pointer) {
        if (image.minWidth() != null && image.maxWidth() != null && image.minWidth() > image.maxWidth()) {
            problem(pointer + "/minWidth", "minWidth (" + image.minWidth() + ") is greater than maxWidth ("
                    + image.maxWidth() + ").");
        }
        if (image.minHeight() != null && image.maxHeight() != null && image.minHeight() > image.maxHeight()) {
            problem(pointer + "/minHeight", "minHeight (" + image.minHeight() + ") is greater than maxHeight ("
                    + image.maxHeight() + ").");
        }
        if (image.takenOnOrAfter() != null) {
            try {
                LocalDate.parse(image.takenOnOrAfter());
            } catch (DateTimeParseException e) {
                problem(pointer + "/takenOnOrAfter", "Not a valid date: " + image.takenOnOrAfter() + ".");
            }
        }
    }

    // ---------------------------------------------------------------- review

    private void checkReview() {
        Review review = descriptor.review();
        for (int k = 0; k < review.steps().size(); k++) {
            checkStep(review.steps().get(k), "/review/steps/" + k);
        }
        List<Route> routes = review.routes();
        for (int k = 0; k < routes.size(); k++) {
            Route route = routes.get(k);
            String rp = "/review/routes/" + k;
            for (int m = 0; m < route.steps().size(); m++) {
                String id = route.steps().get(m);
                if (!steps.containsKey(id)) {
                    problem(rp + "/steps/" + m, gates.containsKey(id)
                            ? "'" + id + "' is a gate, not a step; a gate is placed by its 'before' step."
                            : "Unknown step '" + id + "'.");
                }
            }
            condition(route.when(), rp + "/when", Scope.FORM);
            if (route.when() == null && k != routes.size() - 1) {
                problem(rp, "Route '" + route.id() + "' has no condition, so it matches every applicant; only the"
                        + " last route may be such a catch-all.");
            }
        }
        for (int k = 0; k < review.gates().size(); k++) {
            Gate gate = review.gates().get(k);
            String gp = "/review/gates/" + k;
            if (gate.before() != null && !steps.containsKey(gate.before())) {
                problem(gp + "/before", "Unknown step '" + gate.before() + "'.");
            }
            selector(gate.submitter(), gp + "/submitter");
            if (gate.includeNotStarted() && descriptor.options().eligibility() != Eligibility.ROSTER) {
                problem(gp + "/includeNotStarted", "includeNotStarted counts eligible people without an"
                        + " application, which needs options.eligibility 'roster'.");
            }
        }
        for (int k = 0; k < review.observers().size(); k++) {
            selector(review.observers().get(k).organisation(), "/review/observers/" + k + "/organisation");
        }
        for (int k = 0; k < review.queueColumns().size(); k++) {
            column(review.queueColumns().get(k), "/review/queueColumns/" + k);
        }
        // Accepted by the format, not yet carried out by the workflow: refused rather than silently ignored.
        if (review.onReturn().to() != org.zhicheng.api.business.descriptor.ReturnTarget.APPLICANT
                || review.onReturn().resubmitFrom() != org.zhicheng.api.business.descriptor.ResubmitFrom.START) {
            problem("/review/onReturn", "This platform version returns applications to the applicant and restarts the"
                    + " chain on resubmission; 'previousStep' and 'returningStep' are not supported yet.");
        }
        Map<String, String> reasonCodes = new java.util.HashMap<>();
        for (int k = 0; k < review.reasons().size(); k++) {
            unique(reasonCodes, review.reasons().get(k).code(), "/review/reasons/" + k + "/code", "reason code");
        }
    }

    private void checkStep(ReviewStep step, String sp) {
        selector(step.reviewer(), sp + "/reviewer");
        subsetOfActions(step, step.commentRequired(), sp + "/commentRequired");
        subsetOfActions(step, step.confirm(), sp + "/confirm");
        if (step.defaultOpinion() != null && !step.actions().contains(ReviewAction.APPROVE)) {
            problem(sp + "/defaultOpinion", "A default opinion needs the approve action.");
        }
        if (step.recommendation() != null && !step.actions().contains(ReviewAction.RECOMMEND)) {
            problem(sp + "/recommendation", "A recommendation needs the recommend action.");
        }
        for (int m = 0; m < step.matchCheckSlots().size(); m++) {
            slotRef(step.matchCheckSlots().get(m), sp + "/matchCheckSlots/" + m);
        }
        if (!step.matchCheckSlots().isEmpty() && !step.actions().contains(ReviewAction.APPROVE)) {
            problem(sp + "/matchCheckSlots", "Match checks gate approval; the step needs the approve action.");
        }
        condition(step.includeWhen(), sp + "/includeWhen", Scope.FORM);
    }

    private void subsetOfActions(ReviewStep step, List<ReviewAction> actions, String pointer) {
        for (int m = 0; m < actions.size(); m++) {
            if (!step.actions().contains(actions.get(m))) {
                problem(pointer + "/" + m, "Action '" + actions.get(m).json() + "' is not among the step's actions.");
            }
        }
    }

    private void selector(OrganisationSelector selector, String pointer) {
        OrganisationPick pick = selector.pick();
        if (pick == OrganisationPick.NEAREST) {
            if (selector.match() == null) {
                problem(pointer, "pick 'nearest' needs a match condition.");
            }
            condition(selector.match(), pointer + "/match", Scope.SELECTOR);
        } else if (selector.match() != null) {
            problem(pointer + "/match", "match is used only with pick 'nearest'.");
        }
        if (pick == OrganisationPick.LEVEL) {
            if (selector.level() == null) {
                problem(pointer, "pick 'level' needs a level.");
            }
        } else if (selector.level() != null) {
            problem(pointer + "/level", "level is used only with pick 'level'.");
        }
        if (pick == OrganisationPick.FIELD) {
            if (selector.field() == null) {
                problem(pointer, "pick 'field' needs the organisation field.");
            } else {
                FieldInfo info = fieldRef(selector.field(), pointer + "/field", Scope.FORM);
                if (info != null && info.field().type() != FieldType.ORGANISATION) {
                    problem(pointer + "/field", "Field '" + selector.field() + "' is not an organisation field.");
                }
            }
        } else if (selector.field() != null) {
            problem(pointer + "/field", "field is used only with pick 'field'.");
        }
    }

    private void column(Column column, String pointer) {
        if ((column.field() == null) == (column.meta() == null)) {
            problem(pointer, "A column shows exactly one of field and meta.");
        }
        if (column.field() != null) {
            fieldRef(column.field(), pointer + "/field", Scope.FORM);
        }
        boolean fileMeta = column.meta() != null && FILE_METAS.contains(column.meta());
        if (fileMeta) {
            if (column.slot() == null) {
                problem(pointer, "Column meta '" + column.meta().json() + "' needs a slot.");
            } else {
                slotRef(column.slot(), pointer + "/slot");
            }
        } else if (column.slot() != null) {
            problem(pointer + "/slot", "slot is used only with the fileSize, uploadedAt and fileExists metas.");
        }
        if (column.meta() != null && column.label() == null) {
            problem(pointer, "A meta column needs a label.");
        }
    }

    // ---------------------------------------------------------------- season

    private void checkSeason() {
        if (descriptor.season() == null) {
            return;
        }
        List<Window> windows = descriptor.season().windows();
        for (int k = 0; k < windows.size(); k++) {
            Window window = windows.get(k);
            String wp = "/season/windows/" + k;
            OffsetDateTime opens = instant(window.opens(), wp + "/opens");
            OffsetDateTime closes = instant(window.closes(), wp + "/closes");
            if (opens != null && closes != null && !opens.isBefore(closes)) {
                problem(wp + "/closes", "closes (" + window.closes() + ") must be after opens (" + window.opens()
                        + ").");
            }
            if (!window.applicant() && window.steps().isEmpty() && window.gates().isEmpty()) {
                problem(wp, "A window covers the applicant, some steps or some gates.");
            }
            for (int m = 0; m < window.steps().size(); m++) {
                if (!steps.containsKey(window.steps().get(m))) {
                    problem(wp + "/steps/" + m, "Unknown step '" + window.steps().get(m) + "'.");
                }
            }
            for (int m = 0; m < window.gates().size(); m++) {
                if (!gates.containsKey(window.gates().get(m))) {
                    problem(wp + "/gates/" + m, "Unknown gate '" + window.gates().get(m) + "'.");
                }
            }
        }
    }

    private OffsetDateTime instant(String text, String pointer) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            problem(pointer, "Not a valid ISO-8601 instant with offset: " + text + ".");
            return null;
        }
    }

    // ---------------------------------------------------------------- documents

    private void checkDocuments() {
        for (int k = 0; k < descriptor.documents().size(); k++) {
            Document document = descriptor.documents().get(k);
            String dp = "/documents/" + k;
            if (document.availableAfter() != null) {
                stepOrGateRef(document.availableAfter(), dp + "/availableAfter");
            }
            if (document.watermark() != null) {
                stepOrGateRef(document.watermark().untilPassed(), dp + "/watermark/untilPassed");
            }
            if (document.kind() == DocumentKind.ROSTER) {
                if (document.columns().isEmpty()) {
                    problem(dp, "A roster needs columns.");
                }
                if (!document.pages().isEmpty()) {
                    problem(dp + "/pages", "A roster has columns, not pages.");
                }
            } else {
                if (document.pages().isEmpty()) {
                    problem(dp, "A " + document.kind().json() + " document needs at least one page.");
                }
                if (!document.columns().isEmpty()) {
                    problem(dp + "/columns", "Only a roster has columns.");
                }
                if (document.formats().contains(DocumentFormat.XLSX)) {
                    problem(dp + "/formats", "Only a roster is produced as xlsx.");
                }
            }
            for (int p = 0; p < document.pages().size(); p++) {
                Page page = document.pages().get(p);
                for (int b = 0; b < page.blocks().size(); b++) {
                    checkBlock(page.blocks().get(b), dp + "/pages/" + p + "/blocks/" + b);
                }
            }
            for (int m = 0; m < document.columns().size(); m++) {
                column(document.columns().get(m), dp + "/columns/" + m);
            }
        }
    }

    private void checkBlock(Block block, String bp) {
        if ((block.section() == null) == (block.text() == null)) {
            problem(bp, "A block shows either a section or a text.");
            return;
        }
        if (block.text() != null) {
            if (!block.fields().isEmpty() || block.rowsWhen() != null) {
                problem(bp, "A text block has no fields or rowsWhen.");
            }
            return;
        }
        Section section = sections.get(block.section());
        if (section == null) {
            problem(bp + "/section", "Unknown section '" + block.section() + "'.");
            return;
        }
        for (int m = 0; m < block.fields().size(); m++) {
            FieldInfo info = anyFieldRef(block.fields().get(m), bp + "/fields/" + m);
            if (info != null && info.section() != section) {
                problem(bp + "/fields/" + m, "Field '" + block.fields().get(m) + "' is not in section '"
                        + section.id() + "'.");
            }
        }
        if (block.rowsWhen() != null) {
            if (!section.repeatable()) {
                problem(bp + "/rowsWhen", "rowsWhen filters the rows of a repeatable section.");
            } else {
                condition(block.rowsWhen(), bp + "/rowsWhen", Scope.of(section));
            }
        }
    }

    // ---------------------------------------------------------------- certificate

    private void checkCertificate() {
        Certificate certificate = descriptor.certificate();
        if (certificate == null) {
            return;
        }
        stepOrGateRef(certificate.issueAfter(), "/certificate/issueAfter");
        if (certificate.photoSlot() != null) {
            UploadSlot slot = slots.get(certificate.photoSlot());
            if (slot == null) {
                problem("/certificate/photoSlot", "Unknown slot '" + certificate.photoSlot() + "'.");
            } else if (slot.accept().stream().noneMatch(IMAGE_TYPES::contains)) {
                problem("/certificate/photoSlot", "Slot '" + slot.id() + "' accepts no image type.");
            }
        }
        Map<String, String> keys = new HashMap<>();
        for (int k = 0; k < certificate.fields().size(); k++) {
            CertificateField field = certificate.fields().get(k);
            String cp = "/certificate/fields/" + k;
            unique(keys, field.key(), cp + "/key", "certificate field");
            int sources = (field.field() != null ? 1 : 0) + (field.meta() != null ? 1 : 0)
                    + (field.text() != null ? 1 : 0);
            if (sources != 1) {
                problem(cp, "A certificate field takes its value from exactly one of field, meta and text.");
            }
            if (field.field() != null) {
                fieldRef(field.field(), cp + "/field", Scope.FORM);
            }
        }
        String pattern = certificate.numbering().pattern();
        Matcher placeholders = PLACEHOLDER.matcher(pattern);
        int sequences = 0;
        while (placeholders.find()) {
            String name = placeholders.group(1);
            if (SEQUENCE.matcher(name).matches()) {
                sequences++;
            } else if (!"year".equals(name) && !"province".equals(name)) {
                problem("/certificate/numbering/pattern", "Unknown placeholder {" + name
                        + "}; use {year}, {province} and one {seq:N}.");
            }
        }
        if (sequences != 1) {
            problem("/certificate/numbering/pattern", "The pattern needs exactly one {seq:N} placeholder.");
        }
        try {
            new URI(certificate.verificationUrl().replace("{number}", "0"));
        } catch (URISyntaxException e) {
            problem("/certificate/verificationUrl", "Not a valid URL: " + e.getMessage() + ".");
        }
    }

    // ---------------------------------------------------------------- dictionaries

    private void checkDictionaries() {
        for (int k = 0; k < descriptor.dictionaries().size(); k++) {
            Dictionary dictionary = descriptor.dictionaries().get(k);
            String dp = "/dictionaries/" + k;
            if (dictionary.source() == null && dictionary.entries().isEmpty()) {
                problem(dp, "A dictionary needs entries or a source.");
            } else if (dictionary.source() != null && !dictionary.entries().isEmpty()) {
                problem(dp, "A dictionary has either entries or a source, not both.");
            }
            Dictionary parents = dictionary;
            if (dictionary.parentDictionary() != null) {
                if (dictionary.parentDictionary().equals(dictionary.id())) {
                    problem(dp + "/parentDictionary", "A dictionary is not its own parentDictionary; leave it out"
                            + " for a tree.");
                    parents = null;
                } else {
                    parents = dictionaries.get(dictionary.parentDictionary());
                    if (parents == null) {
                        problem(dp + "/parentDictionary", "Unknown dictionary '" + dictionary.parentDictionary()
                                + "'.");
                    }
                }
            }
            Map<String, DictionaryEntry> byCode = new LinkedHashMap<>();
            for (int m = 0; m < dictionary.entries().size(); m++) {
                DictionaryEntry entry = dictionary.entries().get(m);
                if (byCode.putIfAbsent(entry.code(), entry) != null) {
                    problem(dp + "/entries/" + m + "/code", "Duplicate code '" + entry.code() + "' in dictionary '"
                            + dictionary.id() + "'.");
                }
            }
            Set<String> parentCodes = parents == dictionary ? byCode.keySet() : codesOf(parents);
            for (int m = 0; m < dictionary.entries().size(); m++) {
                DictionaryEntry entry = dictionary.entries().get(m);
                String ep = dp + "/entries/" + m;
                if (entry.parent() == null) {
                    if (dictionary.parentDictionary() != null) {
                        problem(ep, "Entries of a dictionary with a parentDictionary need a parent code from '"
                                + dictionary.parentDictionary() + "'.");
                    }
                } else if (parentCodes != null && !parentCodes.contains(entry.parent())) {
                    problem(ep + "/parent", "Unknown parent code '" + entry.parent() + "' in dictionary '"
                            + (parents == null ? dictionary.parentDictionary() : parents.id()) + "'.");
                } else if (parents == dictionary && inCycle(entry, byCode)) {
                    problem(ep + "/parent", "The parent codes of '" + entry.code() + "' form a cycle.");
                }
            }
        }
    }

    /** The inline codes of a dictionary, or {@code null} when unknown (absent or an external source). */
    private static Set<String> codesOf(Dictionary dictionary) {
        if (dictionary == null || dictionary.entries().isEmpty()) {
            return null;
        }
        Set<String> codes = new LinkedHashSet<>();
        dictionary.entries().forEach(e -> codes.add(e.code()));
        return codes;
    }

    private static boolean inCycle(DictionaryEntry entry, Map<String, DictionaryEntry> byCode) {
        Set<String> visited = new HashSet<>();
        DictionaryEntry current = entry;
        while (current != null && current.parent() != null) {
            if (!visited.add(current.code())) {
                return true;
            }
            if (current.parent().equals(entry.code())) {
                return true;
            }
            current = byCode.get(current.parent());
        }
        return false;
    }
}
