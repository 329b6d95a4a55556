package org.zhicheng.identity.internal.auth;

import java.util.ArrayList;
import java.util.List;

import org.zhicheng.identity.internal.crypto.OneTimeSecrets;
import org.zhicheng.identity.internal.crypto.PasswordHasher;

/**
 * Demo organisations and accounts for the four provinces the seeds describe, made once at first start when the
 * demo is switched on (etc/org.zhicheng.identity.bootstrap.cfg, {@code demo = true}; {@code ./run.sh} does). Every
 * name carries 【演示】 so nobody mistakes it for real data; every account gets a one-time password.
 */
final class DemoTree {

    /** One node of the tree: an organisation, optionally with one account, and its children. */
    private record Node(String type, String name, String username, String role, List<Node> children) {
        static Node of(String type, String name, String username, String role, Node... children) {
            return new Node(type, name, username, role, List.of(children));
        }
    }

    /** An account made, for the credentials file. */
    record Account(String username, String role, String organisation, String oneTimePassword) {
    }

    /** GD-PHOTO-4/6 (kd…/u… and sz… accounts), GD-TITLE-6, CQ-ORG-1/4, FJ-4/8. */
    private static final List<Node> PROVINCES = List.of(
            Node.of("province-commission", "广东省卫生健康委员会", "sz0001", "view-only-authority",
                    Node.of("city-commission", "深圳市卫生健康委员会", "kd4425@gdwsrc.net", "view-only-authority",
                            Node.of("unit", "深圳市人民医院", "u0032@gdwsrc.net", "unit-reviewer"),
                            Node.of("unit", "深圳市第二人民医院", "u0033@gdwsrc.net", "unit-reviewer"))),
            Node.of("hrss", "广东省人力资源和社会保障厅", "gd.hrss", "province-reviewer",
                    Node.of("competent-authority", "广东省工业和信息化厅", "gd.authority", "city-reviewer",
                            Node.of("unit", "广州某电子科技有限公司", "gd.personnel", "unit-reviewer"))),
            Node.of("city-commission", "重庆市卫生健康委员会", "cq.city", "city-reviewer",
                    Node.of("district-commission", "渝中区卫生健康委员会", "cq.yuzhong", "district-reviewer",
                            Node.of("title-reform-office", "渝中区职称改革办公室", "cq.yuzhong.zgb", "title-reform-office"),
                            Node.of("unit", "渝中区人民医院", "cq.hospital", "unit-reviewer"))),
            Node.of("exam-region", "福建省卫生专业技术资格考试考区", "fj.region", "exam-region",
                    Node.of("exam-site", "福州市考点", "fj.fuzhou", "exam-site",
                            Node.of("registration-point", "鼓楼区报名点", "fj.gulou", "registration-point",
                                    Node.of("unit", "福建省立医院", "fj.hospital", "unit-reviewer")))));

    private DemoTree() {
    }

    /** Creates the demo tree under the root; returns the accounts made. */
    static List<Account> create(IdentityStore store, PasswordHasher hasher, String rootId) {
        List<Account> accounts = new ArrayList<>();
        for (Node province : PROVINCES) {
            create(store, hasher, rootId, province, accounts);
        }
        return accounts;
    }

    private static void create(IdentityStore store, PasswordHasher hasher, String parentId, Node node,
            List<Account> accounts) {
        String name = "【演示】" + node.name();
        String id;
        try {
            id = store.createOrganisation(parentId, node.type(), name, "active").id();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create demo organisation " + name, e);
        }
        if (node.username() != null) {
            String password = OneTimeSecrets.password();
            store.createAccount(node.username(), "演示账号 " + node.username(), id, hasher.hash(password), true,
                    List.of(node.role()));
            accounts.add(new Account(node.username(), node.role(), name, password));
        }
        for (Node child : node.children()) {
            create(store, hasher, id, child, accounts);
        }
    }
}
