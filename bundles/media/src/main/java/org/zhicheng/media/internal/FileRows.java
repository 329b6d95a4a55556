package org.zhicheng.media.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code application_file} table: one row per stored file of an application. */
final class FileRows {

    private static final String COLUMNS = "id, application_id, slot_id, row_id, file_name, original_name, media_type,"
            + " size_bytes, sha256, preview_sha256, thumbnail_sha256, width, height, pages, warnings, uploaded_by,"
            + " uploaded_at";

    private FileRows() {
    }

    /** A stored file; {@code warnings} is the JSON list of the checks' warnings. */
    record FileRow(String id, String applicationId, String slotId, String rowId, String fileName, String originalName,
            String mediaType, long size, String sha256, String previewSha256, String thumbnailSha256, Integer width,
            Integer height, Integer pages, String warnings, String uploadedBy, Instant uploadedAt) {
    }

    static void insert(Connection c, FileRow f) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO application_file (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, f.id());
            s.setString(2, f.applicationId());
            s.setString(3, f.slotId());
            s.setString(4, f.rowId());
            s.setString(5, f.fileName());
            s.setString(6, f.originalName());
            s.setString(7, f.mediaType());
            s.setLong(8, f.size());
            s.setString(9, f.sha256());
            s.setString(10, f.previewSha256());
            s.setString(11, f.thumbnailSha256());
            s.setObject(12, f.width());
            s.setObject(13, f.height());
            s.setObject(14, f.pages());
            s.setString(15, f.warnings());
            s.setString(16, f.uploadedBy());
            s.setTimestamp(17, Timestamp.from(f.uploadedAt()));
            s.executeUpdate();
        }
    }

    /** The files of an application, by slot, row and upload time. */
    static List<FileRow> ofApplication(Connection c, String applicationId) throws SQLException {
        return select(c, "WHERE application_id = ? ORDER BY slot_id, row_id, uploaded_at, id", applicationId);
    }

    static Optional<FileRow> find(Connection c, String applicationId, String fileId) throws SQLException {
        return select(c, "WHERE application_id = ? AND id = ?", applicationId, fileId).stream().findFirst();
    }

    static void delete(Connection c, String fileId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM application_file WHERE id = ?")) {
            s.setString(1, fileId);
            s.executeUpdate();
        }
    }

    private static List<FileRow> select(Connection c, String where, String... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM application_file " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            List<FileRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        }
    }

    static FileRow row(ResultSet rs) throws SQLException {
        return new FileRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getObject(12, Integer.class), rs.getObject(13, Integer.class),
                rs.getObject(14, Integer.class), rs.getString(15), rs.getString(16),
                rs.getTimestamp(17).toInstant());
    }
}
