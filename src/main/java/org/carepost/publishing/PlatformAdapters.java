package org.carepost.publishing;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finds the adapter for a platform; in sandbox mode the sandbox serves every platform. */
public class PlatformAdapters {

    private final Map<String, PlatformAdapter> byPlatform;
    private final PlatformAdapter sandbox;

    public PlatformAdapters(List<PlatformAdapter> adapters, PlatformAdapter sandbox) {
        this.byPlatform = adapters.stream().collect(Collectors.toMap(PlatformAdapter::platform, Function.identity()));
        this.sandbox = sandbox;
    }

    public PlatformAdapter forPlatform(String platform) {
        if (sandbox != null) {
            return sandbox;
        }
        PlatformAdapter adapter = byPlatform.get(platform);
        if (adapter == null) {
            throw new PlatformException(PlatformException.Kind.PERMANENT, "No adapter configured for platform " + platform);
        }
        return adapter;
    }
}
