package org.zhicheng.media.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.zhicheng.api.business.Business;
import org.zhicheng.api.identity.Authentication.SignedIn;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.ContactDirectory;
import org.zhicheng.identity.internal.audit.DatabaseAuditTrail;
import org.zhicheng.identity.internal.auth.DatabaseAuthentication;
import org.zhicheng.identity.internal.auth.IdentityStore;
import org.zhicheng.identity.internal.crypto.PasswordHasher;
import org.zhicheng.persistence.internal.DatabaseBlobStore;
import org.zhicheng.persistence.internal.SchemaMigration;
import org.zhicheng.persistence.internal.TestClock;
import org.zhicheng.persistence.internal.TestDatabases;
import org.zhicheng.persistence.internal.TestDatabases.TestDatabase;
import org.zhicheng.registry.internal.TestRegistries;
import org.zhicheng.workflow.internal.DatabaseApplications;

/**
 * A hospital with two applicants, a unit reviewer and a city authority, the media-test business offered by the
 * real registry, the real workflow and blob store, and the attachments service under test, on one test database.
 */
final class MediaWorld implements AutoCloseable {

    static final String PASSWORD = "Kx7#vPq2!mRt";
    static final String BUSINESS = "media-test";
    static final String ID_NUMBER = "44010619900307123X";
    private static final PasswordHasher HASHER = new PasswordHasher(new PasswordHasher.Settings(19456, 2, 1));

    final TestDatabase db;
    final TestClock clock = new TestClock(Instant.parse("2026-11-22T08:00:00Z"));
    final DatabaseAuditTrail audit;
    final TestRegistries.OpenRegistry registry;
    final DatabaseApplications applications;
    final DatabaseBlobStore blobs;
    final DatabaseAttachments attachments;
    final Caller applicant;
    final Caller otherApplicant;
    final Caller reviewer;
    final Caller otherReviewer;
    final Caller city;
    /** Observes the hospital's applications without canDownload (GD-PHOTO-6). */
    final Caller watcher;
    final String hospital;
    final String otherHospital;

    MediaWorld(TestDatabases.Factory factory) throws Exception {
        db = factory.create();
        SchemaMigration schema = TestDatabases.migrate(db.dataSource());
        audit = new DatabaseAuditTrail(db.dataSource(), clock);
        IdentityStore store = new IdentityStore(db.dataSource(), clock);
        var cityOrg = store.createOrganisation(null, "city-commission", "广州市卫生健康委员会", "active");
        hospital = store.createOrganisation(cityOrg.id(), "unit", "广州市第一人民医院", "active").id();
        otherHospital = store.createOrganisation(cityOrg.id(), "unit", "广州市第二人民医院", "active").id();
        String hash = HASHER.hash(PASSWORD);
        store.createAccount("applicant", "李娜", hospital, hash, false, List.of("applicant"));
        store.createAccount("applicant2", "王强", otherHospital, hash, false, List.of("applicant"));
        store.createAccount("reviewer", "甲", hospital, hash, false, List.of("unit-reviewer"));
        store.createAccount("reviewer2", "乙", otherHospital, hash, false, List.of("unit-reviewer"));
        store.createAccount("kd4425", "市卫健委", cityOrg.id(), hash, false, List.of("city-reviewer"));
        store.createAccount("watcher", "查看员", hospital, hash, false, List.of("unit-watcher"));
        DatabaseAuthentication auth = new DatabaseAuthentication(db.dataSource(), audit, HASHER, clock, 5,
                Duration.ofMinutes(30), Duration.ofHours(12));
        applicant = caller(auth, "applicant");
        otherApplicant = caller(auth, "applicant2");
        reviewer = caller(auth, "reviewer");
        otherReviewer = caller(auth, "reviewer2");
        city = caller(auth, "kd4425");
        watcher = caller(auth, "watcher");
        registry = TestRegistries.open(db.dataSource());
        byte[] descriptor = Files.readAllBytes(Path.of("src", "test", "resources", "descriptors", BUSINESS + ".json"));
        Business business = () -> new ByteArrayInputStream(descriptor);
        registry.offer(business, BUSINESS, 1);
        applications = new DatabaseApplications(db.dataSource(), registry.registry(), audit, clock, null);
        blobs = new DatabaseBlobStore(db.dataSource(), schema);
        ContactDirectory contacts = new ContactDirectory() {
            @Override
            public Optional<String> mobile(String accountId) {
                return Optional.empty();
            }

            @Override
            public Optional<String> idNumber(String accountId) {
                return accountId.equals(applicant.accountId()) ? Optional.of(ID_NUMBER) : Optional.empty();
            }
        };
        attachments = new DatabaseAttachments(db.dataSource(), blobs, registry.registry(), applications, audit,
                contacts, clock, new DatabaseAttachments.Limits(32L * 1024 * 1024, 40_000_000L, 1200, 240));
    }

    private static Caller caller(DatabaseAuthentication auth, String username) {
        return ((SignedIn) auth.login(username, PASSWORD, null)).session().caller();
    }

    /** How many rows a table holds. */
    int count(String table) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * A 330 x 480 ID photo (33:48) on a uniform background with a darker head and shoulders in the middle.
     */
    static byte[] photo(Color background) throws IOException {
        BufferedImage image = new BufferedImage(330, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, 330, 480);
        g.setColor(new Color(60, 45, 40));
        g.fillOval(115, 110, 100, 130);
        g.fillRoundRect(55, 300, 220, 200, 80, 80);
        g.dispose();
        return jpeg(image);
    }

    static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** A PDF of A4 portrait pages, or of the given size. */
    static byte[] pdf(int pages, PDRectangle size) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage(size));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    @Override
    public void close() {
        registry.close();
        try {
            db.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot drop the test database", e);
        }
    }
}
