package org.zhicheng.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.business.Business;
import org.zhicheng.api.business.descriptor.Channel;
import org.zhicheng.api.business.descriptor.ReviewAction;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.notification.Inbox;
import org.zhicheng.api.notification.Message;
import org.zhicheng.api.notification.Sender;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.identity.internal.crypto.PiiCipher;
import org.zhicheng.identity.internal.people.DatabaseContactDirectory;
import org.zhicheng.notification.internal.DatabaseInbox;
import org.zhicheng.notification.internal.EmailSettings;
import org.zhicheng.notification.internal.OutboxDispatcher;
import org.zhicheng.persistence.internal.TestDatabases;

/**
 * FJ-5 end to end: a business that declares SMS and in-app notifications gets them. A return reaches the applicant
 * by e-mail, by SMS to the number registered with the person (queued by account, looked up by the identity bundle
 * only when sent) and in the inbox; reviewers of the next step and of the chain get in-app messages.
 */
class NotifierChannelsTest {

    static final String BUSINESS = "notified-review";
    static final Map<String, Object> ANSWERS = Map.of("name", "李娜", "specialty", "clinical", "years", 12);
    static final String MOBILE = "13912345678";
    static final PiiCipher CIPHER = new PiiCipher("t1", HexFormat.of().parseHex("0123456789abcdeffedcba9876543210"),
            "a lookup key of thirty-two bytes".getBytes(StandardCharsets.US_ASCII));

    /** An SMS gateway that keeps what it is given. */
    static final class Gateway implements Sender {
        final Channel channel;
        final List<Message> sent = new ArrayList<>();

        Gateway(Channel channel) {
            this.channel = channel;
        }

        @Override
        public Channel channel() {
            return channel;
        }

        @Override
        public void send(Message message) {
            sent.add(message);
        }
    }

    static EmailSettings noSmtp() {
        return new EmailSettings() {
            @Override public Class<? extends Annotation> annotationType() { return EmailSettings.class; }
            @Override public String smtp_host() { return ""; }
            @Override public int smtp_port() { return 25; }
            @Override public String smtp_security() { return "none"; }
            @Override public String smtp_username() { return ""; }
            @Override public String smtp_password() { return ""; }
            @Override public String from() { return ""; }
            @Override public int pollSeconds() { return 10; }
            @Override public int maxAttempts() { return 3; }
            @Override public int timeoutSeconds() { return 5; }
        };
    }

    /** The person behind the applicant's account, with the mobile number stored as the identity bundle stores it. */
    static void registerMobile(WorkflowFixture f, String accountId, String mobile) throws Exception {
        try (Connection c = f.db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO person (id, id_type, id_number_enc, id_number_hash, id_number_masked, name, mobile_enc,"
                        + " mobile_hash, mobile_masked, account_id, created_at, row_version)"
                        + " VALUES (?, 'resident-id', ?, ?, ?, '李娜', ?, ?, ?, ?, ?, 0)")) {
            s.setString(1, UUID.randomUUID().toString());
            s.setString(2, CIPHER.encrypt("500103198511200418", "person.idNumber"));
            s.setString(3, CIPHER.lookupHash("500103198511200418", "person.idNumber"));
            s.setString(4, "500103********0418");
            s.setString(5, CIPHER.encrypt(mobile, "person.mobile"));
            s.setString(6, CIPHER.lookupHash(mobile, "person.mobile"));
            s.setString(7, mobile.substring(0, 3) + "****" + mobile.substring(7));
            s.setString(8, accountId);
            s.setObject(9, OffsetDateTime.now());
            s.executeUpdate();
        }
    }

    static void offer(WorkflowFixture f) throws Exception {
        byte[] descriptor = Files.readAllBytes(Path.of("src", "test", "resources", "descriptors", BUSINESS + ".json"));
        Business business = () -> new ByteArrayInputStream(descriptor);
        f.registry.offer(business, BUSINESS, 100);
    }

    static List<String> rows(WorkflowFixture f, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = f.db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    static List<String> subjects(Inbox inbox, Caller caller) {
        return inbox.mine(caller, 0, 50).entries().stream().map(Inbox.Entry::subject).toList();
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void aReturnReachesTheApplicantBySmsMailAndInboxAndTheReviewersInTheirInbox(TestDatabases.Factory factory)
            throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            offer(f);
            registerMobile(f, f.applicant.accountId(), MOBILE);
            Application draft = f.applications.create(f.applicant, BUSINESS, null);
            Application saved = f.applications.save(f.applicant, draft.id(), draft.version(), ANSWERS,
                    null);
            Application a = f.applications.submit(f.applicant, saved.id(), saved.version(), null);
            DatabaseInbox inbox = new DatabaseInbox(f.db.dataSource(), f.clock);

            f.reviews.act(f.reviewerA, a.chain().get(0).taskId(), ReviewAction.APPROVE, null, null, null);
            assertEquals(List.of("【通知测试业务】审核通过 / approved at a step"), subjects(inbox, f.districtReviewer),
                    "the next step's reviewers see it in their inbox");
            assertEquals(List.of(), subjects(inbox, f.reviewerA));
            assertEquals(List.of(), rows(f, "SELECT id FROM notification_outbox WHERE channel = 'sms'"),
                    "no SMS to reviewers without a mobile number on file");

            f.reviews.act(f.districtReviewer, a.chain().get(1).taskId(), ReviewAction.RETURN, "请补充从业年限证明", null,
                    null);
            assertEquals(List.of("email|li.na@example.cn|null", "sms|account:" + f.applicant.accountId() + "|"
                    + f.applicant.accountId()), rows(f, "SELECT channel, recipient, recipient_account_id"
                            + " FROM notification_outbox WHERE purpose = 'workflow.returned' ORDER BY channel"));
            String everything = String.join("\n", rows(f, "SELECT * FROM notification_outbox"));
            assertFalse(everything.contains(MOBILE) || everything.contains("5678"), "no number in the outbox");

            Inbox.Page applicantInbox = inbox.mine(f.applicant, 0, 10);
            assertEquals(1, applicantInbox.unread());
            assertTrue(applicantInbox.entries().get(0).body().contains("请补充从业年限证明"), "with the comment");
            assertEquals(List.of("【通知测试业务】已退回 / returned"), subjects(inbox, f.reviewerA),
                    "the chain's reviewers: the unit step acted");
            assertEquals(List.of("【通知测试业务】已退回 / returned"), subjects(inbox, f.secondReviewerA));
            assertEquals(2, inbox.mine(f.districtReviewer, 0, 10).total());
            assertEquals(List.of(), subjects(inbox, f.reviewerB), "another hospital's reviewer hears nothing");

            OutboxDispatcher dispatcher = new OutboxDispatcher(f.db.dataSource(), f.clock, noSmtp());
            Gateway sms = new Gateway(Channel.SMS);
            Gateway email = new Gateway(Channel.EMAIL);
            dispatcher.addSender(sms, Map.of("service.id", 1L));
            dispatcher.addSender(email, Map.of("service.id", 2L));
            dispatcher.setContacts(new DatabaseContactDirectory(f.db.dataSource(), CIPHER));
            assertEquals(2, dispatcher.deliverDue());
            assertEquals(MOBILE, sms.sent.get(0).recipient(), "decrypted by the identity bundle at send time");
            assertEquals("【通知测试业务】您的申报已被退回，请按审核意见修改后重新提交。", sms.sent.get(0).body());
            assertEquals("li.na@example.cn", email.sent.get(0).recipient());
            assertEquals(List.of("139****5678|sent"), rows(f, "SELECT recipient, status FROM notification_outbox"
                    + " WHERE channel = 'sms'"));
        }
    }
}
