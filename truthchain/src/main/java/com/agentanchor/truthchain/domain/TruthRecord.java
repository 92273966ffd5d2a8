package com.agentanchor.truthchain.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One link of the truth chain as it is hashed and signed: everything but the hash and the signature. Its
 * {@link #canonical() canonical bytes} are the RFC 8785 (JCS) form of, in format 1 (every record written before
 * formats were numbered),
 *
 * <pre>{"actor":{"id":…,"type":…}|null,"createdAt":"…","payload":{…},"previousHash":"…","recordType":"…",
 *  "sequence":n,"subject":{"id":…,"type":…}}</pre>
 *
 * and in format 2 the same with {@code "format":2}, and, in a <em>sealed</em> record, {@code "commitment":"<64
 * hex>"}: the SHA-256 of the record's {@link PrivateFields private fields} (kept beside the chain, erasable), whose
 * actor is then among them, so the signed {@code actor} is null:
 *
 * <pre>{"actor":null,"commitment":"…","createdAt":"…","format":2,"payload":{…public fields…},"previousHash":"…",
 *  "recordType":"…","sequence":n,"subject":{"id":…,"type":…}}</pre>
 *
 * the record hash is SHA-256 over those bytes, and the first record's previous hash is
 * {@link #GENESIS_PREVIOUS_HASH}. {@link #parse(byte[])} reads stored bytes back without re-serializing them.
 *
 * @param payload the payload's canonical JSON text, always an object: in a sealed record, its public fields only
 * @param createdAt to the microsecond, as PostgreSQL stores it
 * @param format 1 or 2
 * @param commitment the commitment to the private fields (64 lowercase hex), in sealed format 2 records only
 */
public record TruthRecord(long sequence, RecordType recordType, Subject subject, Actor actor, String payload,
        Instant createdAt, String previousHash, int format, String commitment) {

    /** The format new records are written in. */
    public static final int CURRENT_FORMAT = 2;

    /** The previous hash of record 1: 64 zeros, i.e. 32 zero bytes in hex. */
    public static final String GENESIS_PREVIOUS_HASH = "0".repeat(64);

    /** {@code createdAt} is written with exactly six fractional digits, in UTC. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    public TruthRecord {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequences start at 1, not " + sequence);
        }
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!createdAt.equals(createdAt.truncatedTo(ChronoUnit.MICROS))) {
            throw new IllegalArgumentException("createdAt has at most microseconds: " + createdAt);
        }
        if (!isHash(previousHash)) {
            throw new IllegalArgumentException("a previous hash is 64 lowercase hex digits: " + previousHash);
        }
        if (format != 1 && format != 2) {
            throw new IllegalArgumentException("record formats are 1 and 2, not " + format);
        }
        if (commitment != null && (format < 2 || !isHash(commitment))) {
            throw new IllegalArgumentException("a commitment is 64 lowercase hex digits, in format 2 only");
        }
        if (commitment != null && actor != null) {
            throw new IllegalArgumentException("a sealed record's actor is among its private fields");
        }
    }

    /** A format 1 record, as every record was before formats were numbered. */
    public TruthRecord(long sequence, RecordType recordType, Subject subject, Actor actor, String payload,
            Instant createdAt, String previousHash) {
        this(sequence, recordType, subject, actor, payload, createdAt, previousHash, 1, null);
    }

    /** Whether its private fields are kept beside the chain, committed to by {@link #commitment()}. */
    public boolean sealed() {
        return commitment != null;
    }

    /**
     * A new record; {@code payloadJson} is any JSON object, canonicalized here, and {@code createdAt} is cut to the
     * microsecond.
     */
    public static TruthRecord create(long sequence, RecordType recordType, Subject subject, Actor actor,
            String payloadJson, Instant createdAt, String previousHash) {
        String payload = CanonicalJson.canonicalString(payloadJson);
        if (!payload.startsWith("{")) {
            throw new IllegalArgumentException("a payload is a JSON object");
        }
        return new TruthRecord(sequence, recordType, subject, actor, payload, createdAt.truncatedTo(ChronoUnit.MICROS),
                previousHash);
    }

    /** The exact bytes that are hashed, signed and stored. */
    public byte[] canonical() {
        String json = "{\"sequence\":" + sequence
                + ",\"recordType\":\"" + recordType.name() + '"'
                + ",\"subject\":" + subject.json()
                + ",\"actor\":" + (actor == null ? "null" : actor.json())
                + ",\"payload\":" + payload
                + ",\"createdAt\":\"" + TIMESTAMP.format(createdAt) + '"'
                + ",\"previousHash\":\"" + previousHash + '"'
                + (format == 1 ? "" : ",\"format\":" + format)
                + (commitment == null ? "" : ",\"commitment\":\"" + commitment + '"')
                + "}";
        return CanonicalJson.canonicalize(json);
    }

    /** {@code createdAt} as it appears in the canonical bytes. */
    public String createdAtText() {
        return TIMESTAMP.format(createdAt);
    }

    /**
     * Reads canonical bytes back strictly, without a JSON parser and without re-serializing: the layout JCS gives
     * this record is fixed (keys sorted, no whitespace), and everything after the payload has a fixed shape, so the
     * payload is exactly what lies between {@code "payload":} and the last {@code ,"previousHash":"}. Anything else
     * is a {@link MalformedRecord}. Whether the bytes are canonical JSON at all is {@link CanonicalJson}'s to check.
     */
    public static TruthRecord parse(byte[] canonical) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(canonical)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedRecord("not UTF-8");
        }
        var in = new Reader(s);
        in.expect("{\"actor\":");
        Actor actor = null;
        if (!in.accept("null")) {
            in.expect("{\"id\":");
            UUID id = in.accept("null") ? null : in.uuid();
            in.expect(",\"type\":\"");
            String type = in.word();
            in.expect("\"}");
            actor = in.build(() -> new Actor(type, id));
        }
        String commitment = null;
        if (in.accept(",\"commitment\":\"")) {
            commitment = in.until('"');
            if (!isHash(commitment)) {
                throw new MalformedRecord("commitment is not 64 lowercase hex digits");
            }
            in.position++;
        }
        in.expect(",\"createdAt\":\"");
        String createdAtText = in.until('"');
        Instant createdAt;
        try {
            createdAt = Instant.parse(createdAtText);
        } catch (DateTimeParseException e) {
            throw new MalformedRecord("createdAt is not a timestamp");
        }
        if (!TIMESTAMP.format(createdAt).equals(createdAtText)) {
            throw new MalformedRecord("createdAt is not written as uuuu-MM-ddTHH:mm:ss.SSSSSSZ");
        }
        in.expect("\"");
        int format = 1;
        if (in.accept(",\"format\":")) {
            // Written only from format 2 on: an explicit 1 is not how format 1 looks.
            if (!in.accept("2")) {
                throw new MalformedRecord("unknown record format");
            }
            format = 2;
        }
        in.expect(",\"payload\":");
        int payloadStart = in.position;
        int payloadEnd = s.lastIndexOf(",\"previousHash\":\"");
        if (payloadEnd <= payloadStart || s.charAt(payloadStart) != '{' || s.charAt(payloadEnd - 1) != '}') {
            throw new MalformedRecord("no payload object before previousHash");
        }
        String payload = s.substring(payloadStart, payloadEnd);
        in.position = payloadEnd;
        in.expect(",\"previousHash\":\"");
        String previousHash = in.until('"');
        if (!isHash(previousHash)) {
            throw new MalformedRecord("previousHash is not 64 lowercase hex digits");
        }
        in.expect("\",\"recordType\":\"");
        String type = in.word();
        RecordType recordType;
        try {
            recordType = RecordType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new MalformedRecord("unknown recordType " + type);
        }
        in.expect("\",\"sequence\":");
        long sequence = in.positiveLong();
        in.expect(",\"subject\":{\"id\":");
        UUID subjectId = in.uuid();
        in.expect(",\"type\":\"");
        String subjectType = in.word();
        in.expect("\"}}");
        if (in.position != s.length()) {
            throw new MalformedRecord("trailing bytes after the record");
        }
        var subject = in.build(() -> new Subject(subjectType, subjectId));
        var finalActor = actor;
        var finalCommitment = commitment;
        int finalFormat = format;
        return in.build(() -> new TruthRecord(sequence, recordType, subject, finalActor, payload, createdAt,
                previousHash, finalFormat, finalCommitment));
    }

    /**
     * Just the link fields, read backwards from the end of the bytes without decoding the payload: for walking links
     * fast (against a signed checkpoint, whose Merkle root covers the bytes themselves). Everything after the payload
     * has a fixed shape, {@code ,"previousHash":"<64 hex>","recordType":"<word>","sequence":<n>,"subject":{"id":"
     * <uuid>","type":"<word>"}}}, and is checked strictly; {@link #parse(byte[])} checks the rest.
     */
    public static Link link(byte[] c) {
        int p = c.length;
        p = back(c, p, END);
        p = backOverWord(c, p);
        p = back(c, p, SUBJECT_TYPE_KEY);
        p -= 36; // the subject id
        p = back(c, p, SUBJECT_KEY);
        int digitsEnd = p;
        while (p > 0 && c[p - 1] >= '0' && c[p - 1] <= '9') {
            p--;
        }
        if (p == digitsEnd || digitsEnd - p > 15 || c[p] == '0') {
            throw new MalformedRecord("sequence is not a positive integer");
        }
        long sequence = 0;
        for (int i = p; i < digitsEnd; i++) {
            sequence = sequence * 10 + (c[i] - '0');
        }
        p = back(c, p, SEQUENCE_KEY);
        p = backOverWord(c, p);
        p = back(c, p, RECORD_TYPE_KEY);
        p -= 64;
        if (p < 0) {
            throw new MalformedRecord("the record ends early");
        }
        for (int i = p; i < p + 64; i++) {
            if (!(c[i] >= '0' && c[i] <= '9' || c[i] >= 'a' && c[i] <= 'f')) {
                throw new MalformedRecord("previousHash is not 64 lowercase hex digits");
            }
        }
        back(c, p, PREVIOUS_HASH_KEY);
        return new Link(sequence, new String(c, p, 64, StandardCharsets.ISO_8859_1));
    }

    /** The sequence and previous hash inside a record's bytes. */
    public record Link(long sequence, String previousHash) {
    }

    private static final byte[] PREVIOUS_HASH_KEY = ",\"previousHash\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RECORD_TYPE_KEY = "\",\"recordType\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEQUENCE_KEY = "\",\"sequence\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUBJECT_KEY = ",\"subject\":{\"id\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUBJECT_TYPE_KEY = "\",\"type\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\"}}".getBytes(StandardCharsets.US_ASCII);

    /** Expects {@code literal} to end at {@code end}; returns where it starts. */
    private static int back(byte[] bytes, int end, byte[] literal) {
        int start = end - literal.length;
        if (start < 0) {
            throw new MalformedRecord("the record ends early");
        }
        for (int i = 0; i < literal.length; i++) {
            if (bytes[start + i] != literal[i]) {
                throw new MalformedRecord("unexpected bytes before offset " + end);
            }
        }
        return start;
    }

    private static int backOverWord(byte[] bytes, int end) {
        int p = end;
        while (p > 0 && (bytes[p - 1] >= 'a' && bytes[p - 1] <= 'z' || bytes[p - 1] == '_')) {
            p--;
        }
        if (p == end) {
            throw new MalformedRecord("expected a word before offset " + end);
        }
        return p;
    }

    static boolean isHash(String hex) {
        if (hex == null || hex.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Stored bytes that are not a truth record. */
    public static final class MalformedRecord extends IllegalArgumentException {

        MalformedRecord(String message) {
            super(message);
        }
    }

    private static final class Reader {

        private final String s;
        private int position;

        Reader(String s) {
            this.s = s;
        }

        void expect(String literal) {
            if (!accept(literal)) {
                throw new MalformedRecord("expected " + literal + " at character " + position);
            }
        }

        boolean accept(String literal) {
            if (s.startsWith(literal, position)) {
                position += literal.length();
                return true;
            }
            return false;
        }

        String until(char end) {
            int at = s.indexOf(end, position);
            if (at < 0) {
                throw new MalformedRecord("unterminated value at character " + position);
            }
            String value = s.substring(position, at);
            position = at;
            return value;
        }

        /** A lowercase word such as an enum name or a subject type. */
        String word() {
            int start = position;
            while (position < s.length() && (s.charAt(position) >= 'a' && s.charAt(position) <= 'z'
                    || s.charAt(position) == '_')) {
                position++;
            }
            if (position == start) {
                throw new MalformedRecord("expected a word at character " + start);
            }
            return s.substring(start, position);
        }

        /** A quoted UUID in its canonical lowercase form. */
        UUID uuid() {
            expect("\"");
            String text = until('"');
            position++;
            try {
                UUID id = UUID.fromString(text);
                if (id.toString().equals(text)) {
                    return id;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw new MalformedRecord("not a lowercase UUID: " + text);
        }

        long positiveLong() {
            int start = position;
            while (position < s.length() && Character.isDigit(s.charAt(position))) {
                position++;
            }
            String digits = s.substring(start, position);
            // JCS writes integers up to 2^53 exactly; the sequence never gets near that.
            if (digits.isEmpty() || digits.startsWith("0") || digits.length() > 15) {
                throw new MalformedRecord("sequence is not a positive integer");
            }
            return Long.parseLong(digits);
        }

        <T> T build(java.util.function.Supplier<T> value) {
            try {
                return value.get();
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new MalformedRecord(e.getMessage());
            }
        }
    }
}
