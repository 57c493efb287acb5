package org.twittner.testing;

import jakarta.annotation.Resource;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.twittner.platform.SchemaMigrator;

/**
 * Test deployments only: runs one SQL statement in the server, for what has no endpoint yet
 * (follows, blocks, likes) and for checking counters against the rows they count. A query
 * answers its first column's values; an update answers how many rows it changed.
 */
@WebServlet(urlPatterns = "/testing/sql")
public class Fixtures extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = SchemaMigrator.DATASOURCE)
    transient DataSource database;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String sql = request.getParameter("sql");
        String[] args = request.getParameterValues("arg");
        JsonArrayBuilder values = Json.createArrayBuilder();
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; args != null && i < args.length; i++) {
                statement.setString(i + 1, args[i]);
            }
            if (statement.execute()) {
                try (ResultSet rows = statement.getResultSet()) {
                    while (rows.next()) {
                        values.add(String.valueOf(rows.getObject(1)));
                    }
                }
            } else {
                values.add(String.valueOf(statement.getUpdateCount()));
            }
        } catch (SQLException e) {
            response.sendError(500, e.getMessage());
            return;
        }
        response.setContentType("application/json");
        response.getWriter().write(values.build().toString());
    }

    /** The client side: {@code sql(api, "select ...", args...)} gives the first column as strings. */
    public static List<String> sql(ApiClient api, String sql, Object... args) {
        StringBuilder form = new StringBuilder("sql=").append(java.net.URLEncoder.encode(sql, java.nio.charset.StandardCharsets.UTF_8));
        for (Object arg : args) {
            form.append("&arg=").append(java.net.URLEncoder.encode(String.valueOf(arg), java.nio.charset.StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.root().resolve("testing/sql"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("fixture SQL failed: " + reply.statusCode() + " " + reply.body() + " for " + sql);
            }
            List<String> values = new ArrayList<>();
            Json.createReader(new java.io.StringReader(reply.body())).readArray()
                    .forEach(value -> values.add(((jakarta.json.JsonString) value).getString()));
            return values;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A single number from a query (a COUNT, a counter column). */
    public static long number(ApiClient api, String sql, Object... args) {
        return Long.parseLong(sql(api, sql, args).get(0));
    }

}
