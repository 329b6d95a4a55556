package org.zhicheng.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** The example-profession bundles the build made, and variants of them made here. */
final class ExampleBundles {

    static final String FILE_NAME = "example-profession.jar";

    private ExampleBundles() {
    }

    static Path v1() {
        return KarafDistribution.ARTIFACTS.resolve("zhicheng-example-profession-v1.jar").toAbsolutePath();
    }

    static Path v2() {
        return KarafDistribution.ARTIFACTS.resolve("zhicheng-example-profession-v2.jar").toAbsolutePath();
    }

    /**
     * A copy of v1 under another symbolic name whose descriptor is replaced by {@code descriptor}, for testing
     * what the platform does with a broken rule bundle.
     */
    static Path withDescriptor(String symbolicName, String descriptor, Path dir) throws IOException {
        Path target = dir.resolve(symbolicName + ".jar");
        try (JarInputStream in = new JarInputStream(Files.newInputStream(v1()))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-SymbolicName"), symbolicName);
            try (OutputStream file = Files.newOutputStream(target);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry; (entry = in.getNextJarEntry()) != null;) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    if (entry.getName().equals("META-INF/zhicheng/business.json")) {
                        out.write(descriptor.getBytes(StandardCharsets.UTF_8));
                    } else {
                        copy(in, out);
                    }
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }
}
