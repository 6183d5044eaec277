package io.kubesim.server.http;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.watch.CachedObject;
import io.kubesim.server.watch.EventType;
import io.vertx.core.buffer.Buffer;

/**
 * Renders watch events in the negotiated representation: plain objects reuse the frame the cache
 * built once for all watchers; Tables render a one-row Table per event. Used on the watch's event
 * loop; implementations may keep per-stream state (e.g. whether column definitions were sent).
 */
interface FrameEncoder {

    Buffer event(EventType type, CachedObject object, byte[] sharedFrame);

    Buffer bookmark(long revision);

    Buffer error(ApiException error);
}
