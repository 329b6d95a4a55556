package org.zhicheng.media.internal;

import java.util.List;
import java.util.Locale;

import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.business.descriptor.UploadSlot;
import org.zhicheng.api.media.MediaException;
import org.zhicheng.media.check.Finding;

/**
 * The refusals of uploads, each telling the person what was wrong and what to do, with the figures. A refusal
 * names its slot in the problem's path ({@code files.<slot>}) so that a page shows it beside the slot.
 */
final class Refusals {

    private Refusals() {
    }

    static String path(UploadSlot slot) {
        return "files." + slot.id();
    }

    /** The checks' refusals of one file as one 400 with a problem per finding. */
    static MediaException rejected(UploadSlot slot, List<Finding> findings) {
        List<FieldProblem> problems = findings.stream().map(f -> new FieldProblem(path(slot), f.code(),
                f.message().zh(), f.message().en())).toList();
        Finding first = findings.get(0);
        return new MediaException(400, "file-rejected", "“" + slot.name().zh() + "”的文件未通过检查：" + first.message().zh(),
                "The file for \"" + slot.name().en() + "\" did not pass the checks: " + first.message().en(), problems);
    }

    static MediaException tooLarge(UploadSlot slot, long size, long limit) {
        String found = size < 0 ? "" : "文件为 " + bytes(size) + "，";
        String foundEn = size < 0 ? "The file is larger than allowed" : "The file is " + bytesEn(size);
        return one(413, slot, "file-too-large", found + "“" + slot.name().zh() + "”的文件不能超过 " + bytes(limit)
                + "，请压缩或重新扫描后再上传。", foundEn + "; files for \"" + slot.name().en() + "\" may be at most "
                + bytesEn(limit) + ". Compress or rescan it and upload again.");
    }

    static MediaException quota(UploadSlot slot, long used, long size, long quota) {
        return one(413, slot, "quota-exceeded", "本申报的材料已用 " + bytes(used) + "，加上这个 " + bytes(size)
                + " 的文件将超过总限额 " + bytes(quota) + "，请先删除或压缩其他材料。", "The application's files already take "
                + bytesEn(used) + "; this " + bytesEn(size) + " file would exceed the total of " + bytesEn(quota)
                + ". Delete or compress other files first.");
    }

    static MediaException slotFull(UploadSlot slot) {
        return one(409, slot, "slot-full", "“" + slot.name().zh() + "”最多上传 " + slot.maxFiles()
                + " 个文件，请先删除或替换已有文件。", "\"" + slot.name().en() + "\" holds at most " + slot.maxFiles()
                + " file(s); delete or replace one first.");
    }

    static MediaException noRowSlot(UploadSlot slot) {
        return one(400, slot, "not-a-row-slot", "“" + slot.name().zh() + "”不属于表格中的某一行，请不要指定行。",
                "\"" + slot.name().en() + "\" does not belong to a table row; do not name a row.");
    }

    static MediaException rowNotSaved(UploadSlot slot) {
        return one(409, slot, "row-not-saved", "请先保存这一行，再为“" + slot.name().zh() + "”上传文件。",
                "Save the row first, then upload the file for \"" + slot.name().en() + "\".");
    }

    static MediaException nameSourceMissing(UploadSlot slot) {
        return one(409, slot, "file-name-unknown", "“" + slot.name().zh() + "”的文件按身份证号等信息命名，请先填写该信息。",
                "Files for \"" + slot.name().en() + "\" are named after your ID number or another answer; fill that"
                        + " in first.");
    }

    static MediaException wrongName(UploadSlot slot, String required) {
        return one(400, slot, "file-name", "“" + slot.name().zh() + "”的文件须命名为 " + required + "，请改名后再上传。",
                "The file for \"" + slot.name().en() + "\" must be named " + required + "; rename it and upload"
                        + " again.");
    }

    static MediaException fileNotFound() {
        return new MediaException(404, "file-not-found", "没有这个文件。", "No such file.");
    }

    static MediaException noPreview() {
        return new MediaException(404, "no-preview", "这个文件没有预览图，请下载原文件查看。",
                "This file has no preview; download the original to view it.");
    }

    private static MediaException one(int status, UploadSlot slot, String code, String zh, String en) {
        return new MediaException(status, code, zh, en, List.of(new FieldProblem(path(slot), code, zh, en)));
    }

    /** A size for people: bytes below 1 KB, KB below 1 MB, else MB with one decimal. */
    static String bytes(long size) {
        return bytesEn(size).replace(" bytes", " 字节");
    }

    static String bytesEn(long size) {
        if (size < 1024) {
            return size + " bytes";
        }
        if (size < 1024 * 1024) {
            return trim(size / 1024.0) + " KB";
        }
        return trim(size / (1024.0 * 1024.0)) + " MB";
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
