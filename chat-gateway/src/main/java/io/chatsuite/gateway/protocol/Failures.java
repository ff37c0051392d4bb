package io.chatsuite.gateway.protocol;

import org.jboss.logging.Logger;

/** Turns whatever went wrong with a client frame into the {@code error} frame the client gets. */
public final class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class);

    private Failures() {}

    public static String toErrorFrame(Throwable failure) {
        if (failure instanceof FrameException e) {
            return e.toFrame();
        }
        if (isTooLarge(failure)) {
            return ServerFrames.error(ErrorCode.TOO_LARGE, "frames are limited to 16 KiB", null, null);
        }
        LOG.warnf(failure, "Frame failed");
        return ServerFrames.error(ErrorCode.UNAVAILABLE, "temporary problem; send the frame again", null, null);
    }

    /** A failure to store or publish: the client may send the same frame again, nothing was lost. */
    public static FrameException unavailable(Throwable failure, String clientId, String interactionId) {
        if (failure instanceof FrameException e) {
            return e;
        }
        LOG.warnf("Frame %s of %s failed: %s", clientId, interactionId, failure.toString());
        return new FrameException(
                ErrorCode.UNAVAILABLE, "temporary problem; send the frame again", clientId, interactionId);
    }

    // Vert.x reports an over-long message to the endpoint as an IllegalStateException naming the limit.
    static boolean isTooLarge(Throwable failure) {
        return failure instanceof IllegalStateException
                && failure.getMessage() != null
                && failure.getMessage().contains("max message size");
    }
}
