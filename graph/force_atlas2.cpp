// ForceAtlas2 (M. Jacomy, T. Venturini, S. Heymann, M. Bastian, "ForceAtlas2, a Continuous
// Graph Layout Algorithm for Handy Network Visualization Designed for the Gephi Software",
// PLoS ONE 9(6), 2014): degree-weighted repulsion k_r (deg+1)(deg'+1) / d, linear attraction
// w·d along edges, gravity k_g (deg+1) towards the centre, and the paper's adaptive speed
// (global speed from swinging and traction, local speed damped by each node's swinging).
// Repulsion goes through a Barnes–Hut quadtree (Barnes & Hut, Nature 324, 1986), rebuilt each
// iteration. Called by compute_layout (graph/layout.cpp).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <thread>
#include <vector>

#include "base/worker_pool.hpp"
#include "graph/layout.hpp"

namespace kg {
namespace {

// A quadtree over the current positions. Leaves hold up to `bucket` bodies in a linked list;
// every cell knows its total mass and mass-weighted position sum.
class QuadTree {
public:
    QuadTree(const std::vector<double>& x, const std::vector<double>& y,
             const std::vector<double>& mass)
        : m_x(x), m_y(y), m_mass(mass), m_next(x.size(), -1) {
        double min_x = x[0], max_x = x[0], min_y = y[0], max_y = y[0];
        for (std::size_t i = 1; i < x.size(); ++i) {
            min_x = std::min(min_x, x[i]);
            max_x = std::max(max_x, x[i]);
            min_y = std::min(min_y, y[i]);
            max_y = std::max(max_y, y[i]);
        }
        m_cells.reserve(x.size() / 2 + 16);
        const double half = std::max(max_x - min_x, max_y - min_y) / 2 + 1e-6;
        new_cell((min_x + max_x) / 2, (min_y + max_y) / 2, half);
        for (std::size_t i = 0; i < x.size(); ++i) insert(0, 0, static_cast<std::int32_t>(i));
    }

    /// Repulsion on body `i`: cells whose side is below theta × distance act as one body.
    void repulsion(std::int32_t i, double scaling, double theta2, double& fx, double& fy) const {
        const double xi = m_x[i];
        const double yi = m_y[i];
        const double mi = m_mass[i];
        std::int32_t stack[4 * max_depth + 8];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            const Cell& c = m_cells[stack[--top]];
            if (c.child < 0) {
                for (std::int32_t j = c.first; j >= 0; j = m_next[j]) {
                    if (j != i)
                        add_repulsion(xi - m_x[j], yi - m_y[j], scaling * mi * m_mass[j], fx, fy);
                }
                continue;
            }
            const double dx = xi - c.mx / c.mass;
            const double dy = yi - c.my / c.mass;
            const double side = 2 * c.half;
            if (side * side < theta2 * (dx * dx + dy * dy)) {
                add_repulsion(dx, dy, scaling * mi * c.mass, fx, fy);
            } else {
                for (int q = 0; q < 4; ++q) {
                    if (m_cells[c.child + q].mass > 0) stack[top++] = c.child + q;
                }
            }
        }
    }

    /// The force k / d along (dx, dy): k (dx, dy) / d². Coincident bodies push nothing.
    static void add_repulsion(double dx, double dy, double k, double& fx, double& fy) {
        const double d2 = dx * dx + dy * dy;
        if (d2 <= 0) return;
        fx += k * dx / d2;
        fy += k * dy / d2;
    }

    /// Every body, leaf by leaf in depth-first order: bodies near each other in space come
    /// next to each other, so computing forces in this order walks the same cells while they
    /// are in cache (about twice as fast as node order at 10^5 nodes).
    std::vector<std::int32_t> body_order() const {
        std::vector<std::int32_t> order;
        order.reserve(m_next.size());
        std::vector<std::int32_t> stack{0};
        while (!stack.empty()) {
            const Cell& c = m_cells[stack.back()];
            stack.pop_back();
            if (c.child < 0) {
                for (std::int32_t j = c.first; j >= 0; j = m_next[j]) order.push_back(j);
            } else {
                for (int q = 3; q >= 0; --q) stack.push_back(c.child + q);
            }
        }
        return order;
    }

private:
    static constexpr int max_depth = 48;
    static constexpr int bucket = 8;
    struct Cell {
        double cx, cy, half;
        double mass = 0, mx = 0, my = 0;
        std::int32_t child = -1;  ///< first of four consecutive children, or -1 for a leaf
        std::int32_t first = -1;  ///< a leaf's bodies (linked through m_next)
        std::int32_t count = 0;
    };

    std::int32_t new_cell(double cx, double cy, double half) {
        Cell c;
        c.cx = cx;
        c.cy = cy;
        c.half = half;
        m_cells.push_back(c);
        return static_cast<std::int32_t>(m_cells.size() - 1);
    }

    int quadrant(const Cell& c, std::int32_t i) const {
        return (m_x[i] >= c.cx ? 1 : 0) + (m_y[i] >= c.cy ? 2 : 0);
    }

    void insert(std::int32_t cell, int depth, std::int32_t i) {
        for (;;) {
            Cell& c = m_cells[cell];
            c.mass += m_mass[i];
            c.mx += m_mass[i] * m_x[i];
            c.my += m_mass[i] * m_y[i];
            if (c.child >= 0) {
                cell = c.child + quadrant(c, i);
                ++depth;
                continue;
            }
            if (c.count < bucket || depth >= max_depth) {
                m_next[i] = c.first;
                c.first = i;
                ++c.count;
                return;
            }
            split(cell, depth);
            // `i` is already counted in this cell's mass: go on below it.
            Cell& s = m_cells[cell];
            cell = s.child + quadrant(s, i);
            ++depth;
        }
    }

    void split(std::int32_t cell, int depth) {
        const double cx = m_cells[cell].cx;
        const double cy = m_cells[cell].cy;
        const double h = m_cells[cell].half / 2;
        const std::int32_t first = new_cell(cx - h, cy - h, h);
        new_cell(cx + h, cy - h, h);
        new_cell(cx - h, cy + h, h);
        new_cell(cx + h, cy + h, h);
        std::int32_t body = m_cells[cell].first;
        m_cells[cell].child = first;
        m_cells[cell].first = -1;
        m_cells[cell].count = 0;
        while (body >= 0) {
            const std::int32_t next = m_next[body];
            insert(first + quadrant(m_cells[cell], body), depth + 1, body);
            body = next;
        }
    }

    const std::vector<double>& m_x;
    const std::vector<double>& m_y;
    const std::vector<double>& m_mass;
    std::vector<std::int32_t> m_next;
    std::vector<Cell> m_cells;
};

// Runs body(begin, end) over [0, n) split into `threads` contiguous ranges, on the pool's
// threads and the caller's (the pool lives for the whole layout: no threads started per step).
template <typename Body>
void parallel_ranges(std::size_t n, unsigned threads, WorkerPool& pool, Body body) {
    if (threads <= 1 || n < 4096) {
        body(std::size_t{0}, n);
        return;
    }
    const std::size_t chunk = (n + threads - 1) / threads;
    pool.start((n + chunk - 1) / chunk, [&](std::size_t t) {
        const std::size_t begin = t * chunk;
        body(begin, std::min(n, begin + chunk));
    });
    pool.finish();
}

}  // namespace

void force_atlas2(std::size_t n, const std::vector<LayoutEdge>& edges, std::vector<double>& x,
                  std::vector<double>& y, const LayoutOptions& options, bool barnes_hut) {
    if (n < 2) return;
    std::vector<double> mass(n, 1.0);
    for (const LayoutEdge& e : edges) {
        if (e.source == e.target) continue;
        mass[e.source] += 1;
        mass[e.target] += 1;
    }
    const unsigned threads =
        options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    WorkerPool pool(threads - 1);
    const double theta2 = options.theta * options.theta;
    std::vector<double> fx(n), fy(n), old_fx(n, 0.0), old_fy(n, 0.0);
    std::vector<double> swinging(n), traction(n);
    double speed = 1.0;
    const double jitter_tolerance = 1.0;
    // No node moves more than a tenth of the start square's side in one step: a safety net
    // against a huge force (a heavy edge between far nodes), loose enough not to slow the
    // convergence of large graphs (a fixed 10 units did).
    const double max_step = std::sqrt(static_cast<double>(n));
    for (std::uint32_t it = 0; it < options.iterations; ++it) {
        // Repulsion and gravity: each node alone, so neither the order nor the split over
        // threads changes a result.
        auto node_forces = [&](const std::vector<std::int32_t>* order, auto&& repulse) {
            parallel_ranges(n, threads, pool, [&](std::size_t begin, std::size_t end) {
                for (std::size_t k = begin; k < end; ++k) {
                    const std::size_t i = order ? static_cast<std::size_t>((*order)[k]) : k;
                    double f_x = 0;
                    double f_y = 0;
                    repulse(i, f_x, f_y);
                    const double d = std::hypot(x[i], y[i]);
                    if (d > 0) {
                        f_x -= options.gravity * mass[i] * x[i] / d;
                        f_y -= options.gravity * mass[i] * y[i] / d;
                    }
                    fx[i] = f_x;
                    fy[i] = f_y;
                }
            });
        };
        if (barnes_hut) {
            const QuadTree tree(x, y, mass);
            const std::vector<std::int32_t> order = tree.body_order();
            node_forces(&order, [&](std::size_t i, double& f_x, double& f_y) {
                tree.repulsion(static_cast<std::int32_t>(i), options.scaling, theta2, f_x, f_y);
            });
        } else {
            node_forces(nullptr, [&](std::size_t i, double& f_x, double& f_y) {
                for (std::size_t j = 0; j < n; ++j) {
                    if (j != i)
                        QuadTree::add_repulsion(x[i] - x[j], y[i] - y[j],
                                                options.scaling * mass[i] * mass[j], f_x, f_y);
                }
            });
        }
        // Attraction along edges, in edge order.
        for (const LayoutEdge& e : edges) {
            if (e.source == e.target) continue;
            const double dx = x[e.source] - x[e.target];
            const double dy = y[e.source] - y[e.target];
            fx[e.source] -= e.weight * dx;
            fy[e.source] -= e.weight * dy;
            fx[e.target] += e.weight * dx;
            fy[e.target] += e.weight * dy;
        }
        // Adaptive speed (the paper's section "Adaptive speed"): swinging is how much a node's
        // force changed direction, traction how much it kept; the global speed follows their
        // ratio, rising at most 50 % a step.
        double global_swinging = 0;
        double global_traction = 0;
        for (std::size_t i = 0; i < n; ++i) {
            swinging[i] = std::hypot(fx[i] - old_fx[i], fy[i] - old_fy[i]);
            traction[i] = std::hypot(fx[i] + old_fx[i], fy[i] + old_fy[i]) / 2;
            global_swinging += mass[i] * swinging[i];
            global_traction += mass[i] * traction[i];
        }
        if (global_swinging > 0) {
            const double target = jitter_tolerance * global_traction / global_swinging;
            speed = it == 0 ? target : std::min(target, speed * 1.5);
        }
        for (std::size_t i = 0; i < n; ++i) {
            double node_speed = 0.1 * speed / (1 + speed * std::sqrt(swinging[i]));
            const double force = std::hypot(fx[i], fy[i]);
            if (force > 0) node_speed = std::min(node_speed, max_step / force);
            x[i] += node_speed * fx[i];
            y[i] += node_speed * fy[i];
        }
        std::swap(fx, old_fx);
        std::swap(fy, old_fy);
    }
}

}  // namespace kg
