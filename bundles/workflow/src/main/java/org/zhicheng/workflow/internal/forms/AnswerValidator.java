package org.zhicheng.workflow.internal.forms;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.business.FormAnswers;
import org.zhicheng.api.business.RoutingContext.OrganisationRef;
import org.zhicheng.api.business.descriptor.BilingualText;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.Condition;
import org.zhicheng.api.business.descriptor.Dictionary;
import org.zhicheng.api.business.descriptor.DictionaryEntry;
import org.zhicheng.api.business.descriptor.Field;
import org.zhicheng.api.business.descriptor.FieldType;
import org.zhicheng.api.business.descriptor.Form;
import org.zhicheng.api.business.descriptor.OrderKey;
import org.zhicheng.api.business.descriptor.Option;
import org.zhicheng.api.business.descriptor.RowOrder;
import org.zhicheng.api.business.descriptor.Rule;
import org.zhicheng.api.business.descriptor.Section;

/**
 * Checks the answers of an application against its pinned descriptor's form, and drops the answers the form does
 * not keep (GD-TITLE-4/5, CQ-APP-3, FJ-2). Pure: the result depends only on the descriptor, the answers, the
 * applicant's organisation path and the day given. The {@code Business.validate} hook is the caller's to run.
 *
 * <p><b>Keys.</b> Top-level keys are the fields of single sections and the ids of repeatable sections (a list of
 * rows, each an object keyed by that section's field ids plus the reserved keys of {@link Rows}). Any other key is
 * refused with {@link ProblemCodes#UNKNOWN_FIELD}.
 *
 * <p><b>Visibility.</b> A section or field whose {@code visibleWhen} fails is hidden: it is not checked, and
 * {@link #prune} drops its answers. Conditions see only visible answers, so a field that depends on a hidden
 * field is evaluated as if that field were unanswered.
 *
 * <p><b>Paths</b> of the problems: {@code fieldId} for a field of a single section, {@code sectionId} for a
 * repeatable section as a whole, {@code sectionId[n]} for a row and {@code sectionId[n].fieldId} for a field of a
 * row, where {@code n} is <em>1-based</em> and counts every row as the applicant sees it, including rows marked
 * deleted. A form rule without a {@code field} reports against the empty path (the form as a whole).
 *
 * <p><b>Draft or submission.</b> With {@code forSubmission} false (saving a draft) the checks of completeness are
 * left out, so a half-filled form can be saved: {@code required}/{@code requiredWhen}, {@code minRows}, the row
 * order, and every rule (form or row) whose {@code check} counts rows or refers to a field that is unanswered.
 * Unknown keys, types and formats, lengths, limits, codes, cascades, {@code maxSelections}, {@code maxRows}, and
 * rules over answered fields are checked in both cases. A rule that reads a field which already has a problem is
 * not evaluated, so one mistake is reported once.
 *
 * <p><b>Types.</b> Text-like answers (text, textarea, idNumber, mobile, email, and the codes of choice, region and
 * organisation fields) must be JSON strings; {@code minLength}, {@code maxLength} and {@code pattern} apply to
 * them (characters are Unicode code points). Number and integer answers are JSON numbers or decimal text. Choice
 * codes must be among the field's inline options or its dictionary's inline entries; a dictionary that names an
 * external source ({@code organisations}, {@code regions}, a deployment's provider) has no entries here, so any
 * non-blank code is accepted and the caller checks it against that source. A file answer (an upload reference, or
 * a list of them) is only checked for its shape: the uploads themselves are checked by the media services.
 * Computed answers are not checked: the platform computes them.
 */
public final class AnswerValidator {

    /** WHATWG HTML "valid e-mail address", as the identity bundle applies it. */
    private static final Pattern EMAIL = Pattern.compile("[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9]"
            + "(?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+");
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern MOBILE = Pattern.compile("1\\d{10}");
    private static final Pattern MOBILE_SEPARATORS = Pattern.compile("[\\s-]");
    /** How much of an unknown key is echoed back. */
    private static final int SHOWN_KEY_LENGTH = 64;

    private final Form form;
    private final Map<String, Field> singleFields = new LinkedHashMap<>();
    private final Map<String, Section> sectionOfField = new HashMap<>();
    private final Map<String, Section> repeatables = new LinkedHashMap<>();
    private final Map<String, Map<String, DictionaryEntry>> dictionaryEntries = new HashMap<>();
    /** Bounds the fixed-point iteration of visibility: each round can only settle one more dependency. */
    private final int visibilityRounds;

    /**
     * A validator for one descriptor's form; cheap to create, immutable and thread-safe.
     *
     * @param descriptor the descriptor the application is pinned to
     */
    public AnswerValidator(BusinessDescriptor descriptor) {
        this.form = descriptor.form() == null ? new Form(null, null) : descriptor.form();
        for (Section section : form.sections()) {
            if (section.repeatable()) {
                repeatables.put(section.id(), section);
            }
            for (Field field : section.fields()) {
                sectionOfField.put(field.id(), section);
                if (!section.repeatable()) {
                    singleFields.put(field.id(), field);
                }
            }
        }
        for (Dictionary dictionary : descriptor.dictionaries()) {
            Map<String, DictionaryEntry> entries = new HashMap<>();
            dictionary.entries().forEach(e -> entries.put(e.code(), e));
            dictionaryEntries.put(dictionary.id(), entries);
        }
        this.visibilityRounds = sectionOfField.size() + form.sections().size() + 2;
    }

    /**
     * Validates answers; see the class description for what is checked when.
     *
     * @param answers the answers
     * @param organisationPath the applicant's unit first, then its parents up to the root
     * @param today the day of evaluation ({@code $today}, ID-number birth dates)
     * @param forSubmission true at submission (everything), false when saving a draft (no completeness checks)
     * @return the problems, in form order after the unknown keys; empty when the answers are fine
     */
    public List<FieldProblem> validate(FormAnswers answers, List<OrganisationRef> organisationPath, LocalDate today,
            boolean forSubmission) {
        return validate(answers.values(), organisationPath, today, forSubmission);
    }

    /**
     * Validates answers given as a map, which may hold {@code null} values (read as unanswered).
     *
     * @param answers the answers by field or repeatable-section id
     * @param organisationPath the applicant's unit first, then its parents up to the root
     * @param today the day of evaluation
     * @param forSubmission true at submission, false when saving a draft
     * @return the problems; empty when the answers are fine
     * @see #validate(FormAnswers, List, LocalDate, boolean)
     */
    public List<FieldProblem> validate(Map<String, ?> answers, List<OrganisationRef> organisationPath, LocalDate today,
            boolean forSubmission) {
        Objects.requireNonNull(today, "today");
        Map<String, ?> raw = answers == null ? Map.of() : answers;
        Check check = new Check(forSubmission);
        Set<String> malformed = checkKeys(raw, check);
        Map<String, Object> visible = visible(known(raw), organisationPath, today);
        ConditionContext top = ConditionContext.of(form, visible, organisationPath, today);
        for (Section section : form.sections()) {
            if (!ConditionEvaluator.holds(section.visibleWhen(), top)) {
                continue;
            }
            if (!section.repeatable()) {
                for (Field field : section.fields()) {
                    if (ConditionEvaluator.holds(field.visibleWhen(), top)) {
                        checkField(field, visible.get(field.id()), field.id(), top, check);
                    }
                }
            } else if (!malformed.contains(section.id())) {
                checkRows(section, visible.get(section.id()), top, check);
            }
        }
        for (Rule rule : form.rules()) {
            checkRule(rule, top, null, check);
        }
        return List.copyOf(check.problems);
    }

    /**
     * The answers without what the form does not keep: unknown keys, {@code null}s, malformed repeatable sections,
     * and the answers of hidden sections and fields (in rows, per row). Rows marked deleted are kept with their
     * reserved keys.
     *
     * @param answers the answers
     * @param organisationPath the applicant's unit first, then its parents up to the root
     * @param today the day of evaluation
     * @return a new map, in form order
     */
    public Map<String, Object> prune(Map<String, ?> answers, List<OrganisationRef> organisationPath,
            LocalDate today) {
        Objects.requireNonNull(today, "today");
        return visible(known(answers == null ? Map.of() : answers), organisationPath, today);
    }

    /**
     * {@link #prune(Map, List, LocalDate)} for a {@link FormAnswers}.
     *
     * @param answers the answers
     * @param organisationPath the applicant's unit first, then its parents up to the root
     * @param today the day of evaluation
     * @return the kept answers, same business and version
     */
    public FormAnswers prune(FormAnswers answers, List<OrganisationRef> organisationPath, LocalDate today) {
        return new FormAnswers(answers.businessId(), answers.version(),
                prune(answers.values(), organisationPath, today));
    }

    // ---------------------------------------------------------------- keys and visibility

    /** Reports unknown keys and malformed rows; returns the repeatable sections whose answer is malformed. */
    private Set<String> checkKeys(Map<String, ?> raw, Check check) {
        Set<String> malformed = new HashSet<>();
        for (Map.Entry<String, ?> entry : raw.entrySet()) {
            String key = entry.getKey();
            Section section = repeatables.get(key);
            if (singleFields.containsKey(key)) {
                continue;
            }
            if (section == null) {
                String shown = shown(key);
                check.add(shown, ProblemCodes.UNKNOWN_FIELD, "表单中没有“" + shown + "”这一项。",
                        "The form has no field \"" + shown + "\".");
            } else if (entry.getValue() != null && !wellFormedRows(section, entry.getValue(), check)) {
                malformed.add(key);
            }
        }
        return malformed;
    }

    private boolean wellFormedRows(Section section, Object value, Check check) {
        BilingualText title = title(section);
        if (!(value instanceof List<?> rows)) {
            check.add(section.id(), ProblemCodes.NOT_ROWS, "“" + title.zh() + "”应为表格行的列表。",
                    "\"" + title.en() + "\" must be a list of rows.");
            return false;
        }
        boolean wellFormed = true;
        for (int i = 0; i < rows.size(); i++) {
            String rowPath = section.id() + "[" + (i + 1) + "]";
            if (!(rows.get(i) instanceof Map<?, ?> row)) {
                check.add(rowPath, ProblemCodes.NOT_A_ROW, "“" + title.zh() + "”第" + (i + 1) + "行格式不正确。",
                        "Row " + (i + 1) + " of \"" + title.en() + "\" is malformed.");
                wellFormed = false;
                continue;
            }
            for (Map.Entry<?, ?> cell : row.entrySet()) {
                String key = String.valueOf(cell.getKey());
                if (Rows.RESERVED.contains(key)) {
                    checkMarker(key, cell.getValue(), rowPath, check);
                } else if (section.fields().stream().noneMatch(f -> f.id().equals(key))) {
                    String shown = shown(key);
                    check.add(rowPath + "." + shown, ProblemCodes.UNKNOWN_FIELD,
                            "“" + title.zh() + "”中没有“" + shown + "”这一项。",
                            "\"" + title.en() + "\" has no field \"" + shown + "\".");
                }
            }
        }
        return wellFormed;
    }

    private static void checkMarker(String key, Object value, String rowPath, Check check) {
        boolean ok = value == null
                || (Rows.DELETED.equals(key) ? value instanceof Boolean
                        : value instanceof String s && !s.isBlank() && s.length() <= Rows.MAX_ID_LENGTH);
        if (!ok) {
            check.add(rowPath + "." + key, ProblemCodes.INVALID_ROW_MARKER, "行标记“" + key + "”的值无效。",
                    "The row marker \"" + key + "\" has an invalid value.");
        }
    }

    /** The answers under known keys, without nulls; a repeatable section only when it is a list of rows. */
    private Map<String, Object> known(Map<String, ?> raw) {
        Map<String, Object> known = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : raw.entrySet()) {
            Object value = entry.getValue();
            Section section = repeatables.get(entry.getKey());
            if (value == null) {
                continue;
            }
            if (singleFields.containsKey(entry.getKey())) {
                known.put(entry.getKey(), value);
            } else if (section != null && value instanceof List<?> list
                    && list.stream().allMatch(r -> r instanceof Map<?, ?>)) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Object element : list) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    ((Map<?, ?>) element).forEach((k, v) -> {
                        String key = String.valueOf(k);
                        if (v != null && (Rows.RESERVED.contains(key) || sectionOfField.get(key) == section)) {
                            row.put(key, v);
                        }
                    });
                    rows.add(row);
                }
                known.put(entry.getKey(), rows);
            }
        }
        return known;
    }

    /**
     * The known answers of visible sections and fields. Visibility may depend on answers that are themselves
     * hidden, so it is evaluated again over the result until nothing changes.
     */
    private Map<String, Object> visible(Map<String, Object> known, List<OrganisationRef> path, LocalDate today) {
        Map<String, Object> current = known;
        for (int round = 0; round < visibilityRounds; round++) {
            Map<String, Object> next = keepVisible(known, ConditionContext.of(form, current, path, today));
            if (next.equals(current)) {
                return next;
            }
            current = next;
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> keepVisible(Map<String, Object> known, ConditionContext context) {
        Map<String, Object> kept = new LinkedHashMap<>();
        for (Section section : form.sections()) {
            if (!ConditionEvaluator.holds(section.visibleWhen(), context)) {
                continue;
            }
            if (!section.repeatable()) {
                for (Field field : section.fields()) {
                    if (known.containsKey(field.id()) && ConditionEvaluator.holds(field.visibleWhen(), context)) {
                        kept.put(field.id(), known.get(field.id()));
                    }
                }
                continue;
            }
            List<Map<String, Object>> rows = (List<Map<String, Object>>) known.get(section.id());
            if (rows == null) {
                continue;
            }
            Object seen = context.answers().get(section.id());
            List<Map<String, Object>> previous = seen instanceof List<?> l ? (List<Map<String, Object>>) l : rows;
            List<Map<String, Object>> keptRows = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                ConditionContext inRow = context.inRow(section, i < previous.size() ? previous.get(i) : rows.get(i));
                Map<String, Object> keptRow = new LinkedHashMap<>();
                rows.get(i).forEach((key, value) -> {
                    if (Rows.RESERVED.contains(key)
                            || ConditionEvaluator.holds(field(section, key).visibleWhen(), inRow)) {
                        keptRow.put(key, value);
                    }
                });
                keptRows.add(keptRow);
            }
            kept.put(section.id(), keptRows);
        }
        return kept;
    }

    // ---------------------------------------------------------------- rows and rules

    @SuppressWarnings("unchecked")
    private void checkRows(Section section, Object answer, ConditionContext top, Check check) {
        List<Map<String, Object>> rows = answer == null ? List.of() : (List<Map<String, Object>>) answer;
        int live = Rows.live(rows).size();
        BilingualText title = title(section);
        if (section.maxRows() != null && live > section.maxRows()) {
            check.add(section.id(), ProblemCodes.TOO_MANY_ROWS, "“" + title.zh() + "”最多填写" + section.maxRows()
                    + "行。", "\"" + title.en() + "\" allows at most " + section.maxRows() + " rows.");
        }
        if (check.forSubmission && live < section.minRowsOrDefault()) {
            check.add(section.id(), ProblemCodes.TOO_FEW_ROWS, "“" + title.zh() + "”至少需要填写"
                    + section.minRowsOrDefault() + "行。",
                    "\"" + title.en() + "\" needs at least " + section.minRowsOrDefault() + " rows.");
        }
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            if (Rows.isDeleted(row)) {
                continue;
            }
            String rowPath = section.id() + "[" + (i + 1) + "]";
            ConditionContext inRow = top.inRow(section, row);
            for (Field field : section.fields()) {
                if (ConditionEvaluator.holds(field.visibleWhen(), inRow)) {
                    checkField(field, row.get(field.id()), rowPath + "." + field.id(), inRow, check);
                }
            }
            for (Rule rule : section.rowRules()) {
                checkRule(rule, inRow, rowPath, check);
            }
        }
        if (check.forSubmission && section.rowOrder() != null) {
            checkOrder(section, rows, check);
        }
    }

    /** Rows compare key by key; a value that is empty or not in a key's sequence sorts after all listed ones. */
    private static void checkOrder(Section section, List<Map<String, Object>> rows, Check check) {
        RowOrder order = section.rowOrder();
        Map<String, Object> previous = null;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            if (Rows.isDeleted(row)) {
                continue;
            }
            if (previous != null && compareRows(order.keys(), previous, row) > 0) {
                BilingualText message = order.message() != null ? order.message()
                        : new BilingualText("“" + title(section).zh() + "”的行顺序不符合要求，请调整排序。",
                                "The rows of \"" + title(section).en() + "\" are not in the required order.");
                check.add(section.id() + "[" + (i + 1) + "]", ProblemCodes.ROW_ORDER, message.zh(), message.en());
                return;
            }
            previous = row;
        }
    }

    private static int compareRows(List<OrderKey> keys, Map<String, Object> a, Map<String, Object> b) {
        for (OrderKey key : keys) {
            int difference = rank(key, a.get(key.field())) - rank(key, b.get(key.field()));
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    private static int rank(OrderKey key, Object value) {
        int index = Values.isEmpty(value) ? -1 : key.sequence().indexOf(Values.text(value));
        return index < 0 ? key.sequence().size() : index;
    }

    private void checkRule(Rule rule, ConditionContext context, String rowPath, Check check) {
        String path = rowPath == null ? "" : rowPath;
        if (rule.field() != null) {
            Section section = sectionOfField.get(rule.field());
            if (section != null && !visible(field(section, rule.field()), section, context)) {
                return;
            }
            path = rowPath != null && section == context.rowSection() ? rowPath + "." + rule.field() : rule.field();
        }
        if (readsFlagged(rule, context, rowPath, check) || !ConditionEvaluator.holds(rule.when(), context)) {
            return;
        }
        if (!check.forSubmission && (countsRows(rule.check()) || reads(rule.check()).stream()
                .anyMatch(id -> Values.isEmpty(context.answer(id))))) {
            return;
        }
        if (!ConditionEvaluator.holds(rule.check(), context)) {
            BilingualText message = rule.message() != null ? rule.message()
                    : new BilingualText("填写内容不符合规则“" + rule.id() + "”。",
                            "The answers do not satisfy rule \"" + rule.id() + "\".");
            check.problems.add(new FieldProblem(path, rule.id(), message.zh(), message.en()));
        }
    }

    private static boolean visible(Field field, Section section, ConditionContext context) {
        return ConditionEvaluator.holds(section.visibleWhen(), context)
                && ConditionEvaluator.holds(field.visibleWhen(), context);
    }

    /**
     * Whether a rule reads a field that already has a problem: its answer is reported once, not again through
     * every rule over it (a missing end date is "required", not also "end before start").
     */
    private static boolean readsFlagged(Rule rule, ConditionContext context, String rowPath, Check check) {
        Set<String> read = new LinkedHashSet<>(reads(rule.when()));
        read.addAll(reads(rule.check()));
        for (String id : read) {
            boolean inRow = rowPath != null && context.rowSection().fields().stream().anyMatch(f -> f.id().equals(id));
            if (check.flagged.contains(inRow ? rowPath + "." + id : id)) {
                return true;
            }
        }
        return false;
    }

    /** The field ids a condition reads (not inside {@code where}, which reads rows). */
    private static List<String> reads(Condition condition) {
        List<String> read = new ArrayList<>();
        if (condition == null) {
            return read;
        }
        condition.all().forEach(c -> read.addAll(reads(c)));
        condition.any().forEach(c -> read.addAll(reads(c)));
        read.addAll(reads(condition.not()));
        read.addAll(condition.monthsBetween());
        read.addAll(condition.yearsBetween());
        read.add(condition.field());
        read.add(condition.equalsField());
        read.add(condition.notEqualsField());
        read.add(condition.ltField());
        read.add(condition.lteField());
        read.add(condition.gtField());
        read.add(condition.gteField());
        read.removeIf(id -> id == null || Condition.TODAY.equals(id));
        return read;
    }

    /** Whether a condition counts rows: a completeness check, left to submission. */
    private static boolean countsRows(Condition condition) {
        return condition != null && (condition.rowCount() != null || countsRows(condition.not())
                || condition.all().stream().anyMatch(AnswerValidator::countsRows)
                || condition.any().stream().anyMatch(AnswerValidator::countsRows));
    }

    // ---------------------------------------------------------------- fields

    private void checkField(Field field, Object value, String path, ConditionContext context, Check check) {
        if (field.computed() != null || field.type() == null) {
            return;
        }
        BilingualText label = label(field);
        if (Values.isEmpty(value)) {
            boolean required = field.required()
                    || field.requiredWhen() != null && ConditionEvaluator.holds(field.requiredWhen(), context);
            if (check.forSubmission && required) {
                check.add(path, ProblemCodes.REQUIRED, "“" + label.zh() + "”为必填项。",
                        "\"" + label.en() + "\" is required.");
            }
            return;
        }
        switch (field.type()) {
            case TEXT, TEXTAREA -> text(field, value, path, check);
            case NUMBER, INTEGER -> number(field, value, path, check);
            case DATE -> {
                if (Values.date(value) == null) {
                    check.add(path, ProblemCodes.INVALID_DATE, "“" + label.zh() + "”应为日期，格式如 2019-07-01。",
                            "\"" + label.en() + "\" must be a date such as 2019-07-01.");
                }
            }
            case YEAR_MONTH -> {
                if (Values.month(value) == null) {
                    check.add(path, ProblemCodes.INVALID_MONTH, "“" + label.zh() + "”应为年月，格式如 2019-07。",
                            "\"" + label.en() + "\" must be a month such as 2019-07.");
                }
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    check.add(path, ProblemCodes.NOT_A_BOOLEAN, "“" + label.zh() + "”应为“是”或“否”。",
                            "\"" + label.en() + "\" must be yes or no.");
                }
            }
            case CHOICE, REGION, ORGANISATION -> {
                if (value instanceof String code) {
                    code(field, code, path, context, check);
                } else {
                    invalidCode(label, path, check);
                }
            }
            case MULTI_CHOICE -> codes(field, value, path, context, check);
            case ID_NUMBER -> {
                if (text(field, value, path, check) && !IdNumbers.valid((String) value, context.today())) {
                    check.add(path, ProblemCodes.INVALID_ID_NUMBER, "“" + label.zh()
                            + "”不是有效的18位公民身份号码，请核对出生日期和末位校验码。", "\"" + label.en()
                            + "\" is not a valid 18-character resident ID number; check the birth date and the last"
                            + " (check) character.");
                }
            }
            case MOBILE -> {
                if (text(field, value, path, check) && !MOBILE.matcher(MOBILE_SEPARATORS
                        .matcher(Normalizer.normalize((String) value, Normalizer.Form.NFKC)).replaceAll(""))
                        .matches()) {
                    check.add(path, ProblemCodes.INVALID_MOBILE, "“" + label.zh() + "”应为以1开头的11位手机号码。",
                            "\"" + label.en() + "\" must be an 11-digit mobile number starting with 1.");
                }
            }
            case EMAIL -> {
                String address = value instanceof String s ? Normalizer.normalize(s, Normalizer.Form.NFKC).strip()
                        : null;
                if (text(field, value, path, check)
                        && (address.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(address).matches())) {
                    check.add(path, ProblemCodes.INVALID_EMAIL, "“" + label.zh()
                            + "”不是有效的电子邮箱地址，例如 name@example.com。", "\"" + label.en()
                            + "\" is not a valid e-mail address, e.g. name@example.com.");
                }
            }
            case FILE -> {
                boolean references = value instanceof String
                        || value instanceof List<?> list && list.stream().allMatch(e -> e instanceof String);
                if (!references) {
                    check.add(path, ProblemCodes.INVALID_FILE, "“" + label.zh() + "”应为已上传的文件。",
                            "\"" + label.en() + "\" must refer to an uploaded file.");
                }
            }
            default -> throw new IllegalStateException("unhandled field type " + field.type());
        }
    }

    /** Checks a text-like answer: a string, its length and pattern. Returns whether it is a string. */
    private static boolean text(Field field, Object value, String path, Check check) {
        BilingualText label = label(field);
        if (!(value instanceof String text)) {
            check.add(path, ProblemCodes.NOT_TEXT, "“" + label.zh() + "”应为文字。",
                    "\"" + label.en() + "\" must be text.");
            return false;
        }
        int length = text.codePointCount(0, text.length());
        if (field.minLength() != null && length < field.minLength()) {
            check.add(path, ProblemCodes.TOO_SHORT, "“" + label.zh() + "”至少需要" + field.minLength() + "个字。",
                    "\"" + label.en() + "\" needs at least " + field.minLength() + " characters.");
        }
        if (field.maxLength() != null && length > field.maxLength()) {
            check.add(path, ProblemCodes.TOO_LONG, "“" + label.zh() + "”最多" + field.maxLength() + "个字，当前为"
                    + length + "个。", "\"" + label.en() + "\" allows at most " + field.maxLength()
                            + " characters; it has " + length + ".");
        }
        if (field.pattern() != null && !SafeRegex.matches(field.pattern(), text)) {
            BilingualText message = field.patternMessage() != null ? field.patternMessage()
                    : new BilingualText("“" + label.zh() + "”的格式不正确。",
                            "\"" + label.en() + "\" is not in the expected format.");
            check.add(path, ProblemCodes.PATTERN, message.zh(), message.en());
        }
        return true;
    }

    private static void number(Field field, Object value, String path, Check check) {
        BilingualText label = label(field);
        BigDecimal number = Values.number(value);
        if (number == null) {
            check.add(path, ProblemCodes.NOT_A_NUMBER, "“" + label.zh() + "”应为数字。",
                    "\"" + label.en() + "\" must be a number.");
            return;
        }
        if (field.type() == FieldType.INTEGER && number.stripTrailingZeros().scale() > 0) {
            check.add(path, ProblemCodes.NOT_AN_INTEGER, "“" + label.zh() + "”应为整数。",
                    "\"" + label.en() + "\" must be a whole number.");
            return;
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            String min = field.min().stripTrailingZeros().toPlainString();
            check.add(path, ProblemCodes.TOO_SMALL, "“" + label.zh() + "”不能小于" + min + "。",
                    "\"" + label.en() + "\" must be at least " + min + ".");
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            String max = field.max().stripTrailingZeros().toPlainString();
            check.add(path, ProblemCodes.TOO_LARGE, "“" + label.zh() + "”不能大于" + max + "。",
                    "\"" + label.en() + "\" must be at most " + max + ".");
        }
    }

    private void codes(Field field, Object value, String path, ConditionContext context, Check check) {
        BilingualText label = label(field);
        if (!(value instanceof List<?> list)) {
            check.add(path, ProblemCodes.NOT_A_LIST, "“" + label.zh() + "”应为多选列表。",
                    "\"" + label.en() + "\" must be a list of choices.");
            return;
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (Object element : list) {
            if (element instanceof String code && !code.isBlank()) {
                distinct.add(code);
            } else if (element != null && !(element instanceof String)) {
                invalidCode(label, path, check);
                return;
            }
        }
        distinct.forEach(code -> code(field, code, path, context, check));
        if (field.maxSelections() != null && distinct.size() > field.maxSelections()) {
            check.add(path, ProblemCodes.TOO_MANY_SELECTIONS, "“" + label.zh() + "”最多选择" + field.maxSelections()
                    + "项。", "\"" + label.en() + "\" allows at most " + field.maxSelections() + " choices.");
        }
    }

    /** A code must be an option, or an entry of an inline dictionary whose parent is the cascade parent's answer. */
    private void code(Field field, String code, String path, ConditionContext context, Check check) {
        BilingualText label = label(field);
        String shown = shown(code);
        if (!field.options().isEmpty()) {
            if (field.options().stream().map(Option::code).noneMatch(code::equals)) {
                unknownCode(label, shown, path, check);
            }
            return;
        }
        Map<String, DictionaryEntry> entries = dictionaryEntries.get(field.dictionary());
        if (entries == null || entries.isEmpty()) {
            // An external source (organisations, regions, a provider's list): the caller checks it.
            return;
        }
        DictionaryEntry entry = entries.get(code);
        if (entry == null) {
            unknownCode(label, shown, path, check);
            return;
        }
        if (field.cascadeParent() == null) {
            return;
        }
        List<Object> parents = Values.elements(context.answer(field.cascadeParent()));
        if (!parents.isEmpty() && parents.stream().map(Values::text).noneMatch(p -> p.equals(entry.parent()))) {
            Section parentSection = sectionOfField.get(field.cascadeParent());
            BilingualText parentLabel = parentSection == null ? new BilingualText(field.cascadeParent(),
                    field.cascadeParent()) : label(field(parentSection, field.cascadeParent()));
            check.add(path, ProblemCodes.CASCADE_MISMATCH, "“" + label.zh() + "”的选项“" + shown + "”不属于所选的“"
                    + parentLabel.zh() + "”。", "\"" + label.en() + "\": \"" + shown
                            + "\" does not belong to the chosen \"" + parentLabel.en() + "\".");
        }
    }

    private static void unknownCode(BilingualText label, String shown, String path, Check check) {
        check.add(path, ProblemCodes.UNKNOWN_CODE, "“" + label.zh() + "”的选项“" + shown + "”不在可选范围内。",
                "\"" + label.en() + "\": \"" + shown + "\" is not one of the choices.");
    }

    private static void invalidCode(BilingualText label, String path, Check check) {
        check.add(path, ProblemCodes.INVALID_CODE, "“" + label.zh() + "”应为选项代码。",
                "\"" + label.en() + "\" must be a code.");
    }

    // ---------------------------------------------------------------- helpers

    private static Field field(Section section, String fieldId) {
        return section.fields().stream().filter(f -> f.id().equals(fieldId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no field " + fieldId + " in " + section.id()));
    }

    private static BilingualText label(Field field) {
        return field.label() != null ? field.label() : new BilingualText(field.id(), field.id());
    }

    private static BilingualText title(Section section) {
        return section.title() != null ? section.title() : new BilingualText(section.id(), section.id());
    }

    /** A key or code as echoed in a path or message: never longer than a legitimate id. */
    private static String shown(String key) {
        return key.length() <= SHOWN_KEY_LENGTH ? key : key.substring(0, SHOWN_KEY_LENGTH) + "…";
    }

    /** The problems found so far, and whether completeness is checked. */
    private static final class Check {
        final boolean forSubmission;
        final List<FieldProblem> problems = new ArrayList<>();
        final Set<String> flagged = new HashSet<>();

        Check(boolean forSubmission) {
            this.forSubmission = forSubmission;
        }

        /** Reports a problem of an answer, which rules reading that answer then leave alone. */
        void add(String path, String code, String zh, String en) {
            problems.add(new FieldProblem(path, code, zh, en));
            flagged.add(path);
        }
    }
}
