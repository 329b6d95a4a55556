package org.zhicheng.media.image;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.zhicheng.api.business.descriptor.AspectRatio;
import org.zhicheng.api.business.descriptor.BackgroundColour;
import org.zhicheng.api.business.descriptor.FileType;
import org.zhicheng.media.check.Finding;

/** The image findings, each saying what was found and what is required, with the figures. */
final class Findings {

    private Findings() {
    }

    static Finding unreadable() {
        return Finding.of("image-unreadable", "图片无法读取：文件不完整或已损坏。请重新拍摄或从原图重新导出后上传。",
                "The image cannot be read: the file is incomplete or damaged. Take it again or export it again from"
                        + " the original and upload that.");
    }

    static Finding typeMismatch(FileType type) {
        return Finding.of("image-type-mismatch", "文件内容不是有效的 " + type.name() + " 图片。",
                "The file's content is not a valid " + type.name() + " image.");
    }

    static Finding tooManyPixels(int width, int height, long maxPixels) {
        return Finding.of("image-too-many-pixels", "图片为 " + width + "×" + height + " 像素，超过了 "
                + maxPixels / 1_000_000 + " 百万像素的上限，请缩小后再上传。", "The image is " + width + " × " + height
                + " px, more than the limit of " + maxPixels / 1_000_000 + " megapixels; make it smaller and upload"
                + " again.");
    }

    static Finding tooSmall(int width, int height, Integer minWidth, Integer minHeight) {
        String need = (minWidth == null ? "?" : minWidth) + "×" + (minHeight == null ? "?" : minHeight);
        return Finding.of("image-too-small", "图片为 " + width + "×" + height + " 像素，至少需要 " + need + " 像素。",
                "The image is " + width + " × " + height + " px; it must be at least " + need.replace("×", " × ")
                        + " px.");
    }

    static Finding tooLarge(int width, int height, Integer maxWidth, Integer maxHeight) {
        String most = (maxWidth == null ? "?" : maxWidth) + "×" + (maxHeight == null ? "?" : maxHeight);
        return Finding.of("image-too-large", "图片为 " + width + "×" + height + " 像素，最大允许 " + most + " 像素，请缩小后再上传。",
                "The image is " + width + " × " + height + " px; it may be at most " + most.replace("×", " × ")
                        + " px. Make it smaller and upload again.");
    }

    static Finding aspectRatio(int width, int height, AspectRatio ratio) {
        String found = String.format(Locale.ROOT, "%.2f", width / (double) height);
        String required = String.format(Locale.ROOT, "%.2f", ratio.width() / (double) ratio.height());
        return Finding.of("image-aspect-ratio", "图片宽高比为 " + found + "（" + width + "×" + height + "），须为 "
                + ratio.width() + ":" + ratio.height() + "（" + required + "）" + (width > height ? "，且应为竖版" : "")
                + "，请按规格裁剪后再上传。", "The image's width : height is " + found + " (" + width + " × " + height
                + "); it must be " + ratio.width() + ":" + ratio.height() + " (" + required + ")"
                + (width > height ? ", upright (portrait)" : "") + ". Crop it to size and upload again.");
    }

    static Finding greyscale() {
        return Finding.of("image-greyscale", "图片为黑白（灰度）照片，须为彩色照片。",
                "The image is black and white (greyscale); it must be in colour.");
    }

    static Finding background(Colours.Kind found, List<BackgroundColour> allowed) {
        return Finding.of("image-background", "照片背景为" + found.zh + "，须为" + ImageInspector.words(allowed, true)
                + "背景，请重新拍摄。", "The background is " + found.en + "; it must be "
                + ImageInspector.words(allowed, false) + ". Take the photo again.");
    }

    static Finding tooOld(LocalDate takenOn, int months) {
        return Finding.of("image-too-old", "照片拍摄于 " + takenOn + "（据照片信息），早于近 " + months + " 个月的要求，请审核人留意。",
                "The photo was taken on " + takenOn + " (by its EXIF data), more than " + months
                        + " months ago; reviewers should check it.");
    }

    static Finding takenBefore(LocalDate takenOn, LocalDate earliest) {
        return Finding.of("image-too-old", "照片拍摄于 " + takenOn + "（据照片信息），早于要求的 " + earliest
                + "，请审核人留意。", "The photo was taken on " + takenOn + " (by its EXIF data), before " + earliest
                + " as required; reviewers should check it.");
    }
}
