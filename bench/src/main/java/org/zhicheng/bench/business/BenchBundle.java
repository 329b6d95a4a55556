package org.zhicheng.bench.business;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes the bundle of {@link BenchIdPhoto}: its class, its descriptor and its Declarative Services component. */
public final class BenchBundle {

    private static final String CLASS = "org/zhicheng/bench/business/BenchIdPhoto.class";
    private static final String DESCRIPTOR = "META-INF/zhicheng/business.json";
    private static final String COMPONENT = "OSGI-INF/org.zhicheng.bench.business.BenchIdPhoto.xml";

    private BenchBundle() {
    }

    /** Writes the bundle to {@code jar} and returns it. */
    public static Path write(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.zhicheng.bench.id-photo");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", "org.zhicheng.api.business;version=\"[1.0,2)\"");
        main.putValue("Service-Component", COMPONENT);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            copy(out, CLASS, CLASS);
            copy(out, "bench-business/" + DESCRIPTOR, DESCRIPTOR);
            copy(out, "bench-business/" + COMPONENT, COMPONENT);
        }
        return jar;
    }

    private static void copy(JarOutputStream out, String resource, String entry) throws IOException {
        try (InputStream in = Objects.requireNonNull(BenchBundle.class.getClassLoader().getResourceAsStream(resource),
                resource)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }
}
