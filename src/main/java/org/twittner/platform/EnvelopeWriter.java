package org.twittner.platform;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes every {@link Envelope} returned by a resource as JSON, whatever the client's Accept
 * header says (the reference always answers JSON).
 */
@Provider
public class EnvelopeWriter implements MessageBodyWriter<Envelope> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Envelope.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Envelope envelope, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws WebApplicationException {
        headers.putSingle(HttpHeaders.CONTENT_TYPE, WireJson.CONTENT_TYPE);
        headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        WireJson.write(envelope, out);
    }
}
