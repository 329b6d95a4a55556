package org.zhicheng.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The distribution as shipped: embedded H2 in {@code data/}, no external service. */
class EmbeddedDatabaseIT extends DistributionContract {

    @BeforeAll
    void boot() throws Exception {
        karaf = KarafDistribution.unpack("embedded");
        karaf.start(BOOT_TIMEOUT);
    }

    @Override
    String expectedDatabaseProduct() {
        return "H2";
    }

    @Test
    @Order(10)
    void homePageListsBusinessesInARealBrowser() throws Exception {
        karaf.deploy(ExampleBundles.v1(), ExampleBundles.FILE_NAME);
        await("v1 listed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> offered().contains("example-profession@1.0.0"));
        try (HeadlessChromium chromium = HeadlessChromium.find()) {
            String zh = chromium.dumpDom(karaf.base().resolve("/"));
            assertTrue(zh.contains("示例专业"), "the page lists the business in Chinese:\n" + zh);
            assertTrue(zh.contains("example-profession") && zh.contains("1.0.0"));
            String en = chromium.dumpDom(karaf.base().resolve("/?lang=en"));
            assertTrue(en.contains("Example profession") && en.contains("Available businesses"),
                    "the page switches to English:\n" + en);
        }
    }
}
