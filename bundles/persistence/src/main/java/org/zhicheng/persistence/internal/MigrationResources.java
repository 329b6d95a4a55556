package org.zhicheng.persistence.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Hands Flyway an explicit list of migration scripts. Flyway's own class-path scanning guesses the bundle from
 * the {@code bundle://} URL host, which differs between OSGi frameworks; listing the entries ourselves (from
 * {@code Bundle.findEntries} in Karaf, from the build directory in tests) avoids the guess.
 */
final class MigrationResources implements ResourceProvider {

    private final Map<String, LoadableResource> byName = new TreeMap<>();

    MigrationResources(List<URL> scripts) {
        for (URL url : scripts) {
            String path = url.getPath();
            String filename = path.substring(path.lastIndexOf('/') + 1);
            byName.put(filename, new UrlResource(url, filename));
        }
    }

    @Override
    public LoadableResource getResource(String name) {
        return byName.get(name.substring(name.lastIndexOf('/') + 1));
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return byName.values().stream()
                .filter(r -> r.getFilename().startsWith(prefix))
                .filter(r -> Arrays.stream(suffixes).anyMatch(r.getFilename()::endsWith))
                .toList();
    }

    /** The number of scripts known. */
    int size() {
        return byName.size();
    }

    private static final class UrlResource extends LoadableResource {
        private final URL url;
        private final String filename;

        UrlResource(URL url, String filename) {
            this.url = url;
            this.filename = filename;
        }

        @Override
        public Reader read() {
            try {
                return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read migration " + url, e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return url.toString();
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return url.toString();
        }

        @Override
        public String getFilename() {
            return filename;
        }

        @Override
        public String getRelativePath() {
            return filename;
        }
    }
}
