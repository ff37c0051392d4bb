package io.chatsuite.gateway.protocol;

/** A client frame the gateway refuses; the socket answers it with an {@code error} frame and stays open. */
public class FrameException extends RuntimeException {

    private final ErrorCode code;
    private final String clientId;
    private final String interactionId;

    public FrameException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public FrameException(ErrorCode code, String message, String clientId, String interactionId) {
        super(message, null, false, false);
        this.code = code;
        this.clientId = clientId;
        this.interactionId = interactionId;
    }

    public static FrameException bad(String message) {
        return new FrameException(ErrorCode.BAD_FRAME, message);
    }

    /** The same refusal, naming the client message and interaction it is about. */
    public FrameException about(String clientId, String interactionId) {
        return new FrameException(code, getMessage(), clientId, interactionId);
    }

    public ErrorCode code() {
        return code;
    }

    public String clientId() {
        return clientId;
    }

    public String interactionId() {
        return interactionId;
    }

    public String toFrame() {
        return ServerFrames.error(code, getMessage(), clientId, interactionId);
    }
}
