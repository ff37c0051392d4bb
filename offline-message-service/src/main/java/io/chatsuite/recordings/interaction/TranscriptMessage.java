package io.chatsuite.recordings.interaction;

import io.chatsuite.events.Party;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One chat message of an interaction's transcript; {@code seq} keeps the order messages were recorded in. */
@Entity
@Table(name = "transcript_message")
public class TranscriptMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "message_id", nullable = false, unique = true)
    public String messageId;

    @Column(name = "interaction_id", nullable = false)
    public String interactionId;

    @Column(name = "client_id")
    public String clientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "sender_role", nullable = false)
    public Party senderRole;

    @Column(name = "sender_id")
    public String senderId;

    @Column(name = "sender_name")
    public String senderName;

    @Column(nullable = false)
    public String text;

    public String language;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;
}
