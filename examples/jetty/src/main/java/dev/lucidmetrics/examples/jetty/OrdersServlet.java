package dev.lucidmetrics.examples.jetty;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service: {@code POST /orders} places an order (201, its id), {@code GET /orders/{id}} shows one (200, or
 * 404 for an id it does not know, 400 for one that is not a number). Orders live in memory.
 */
final class OrdersServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(OrdersServlet.class);
    private final transient Map<Long, String> orders = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id = ids.incrementAndGet();
        orders.put(id, "order " + id);
        LOG.info("order {} placed", id);
        response.setStatus(201);
        response.setContentType("text/plain");
        response.getWriter().write(id + "\n");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String order;
        try {
            order = orders.get(Long.parseLong(id));
        } catch (NumberFormatException e) {
            LOG.warn("order id {} is not a number", id);
            response.sendError(400, "an order id is a number, such as /orders/1");
            return;
        }
        if (order == null) {
            response.sendError(404, "no order " + id);
            return;
        }
        response.setContentType("text/plain");
        response.getWriter().write(order + "\n");
    }
}
