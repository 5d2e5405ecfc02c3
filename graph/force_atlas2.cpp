// ForceAtlas2 (M. Jacomy, T. Venturini, S. Heymann, M. Bastian, "ForceAtlas2, a Continuous
// Graph Layout Algorithm for Handy Network Visualization Designed for the Gephi Software",
// PLoS ONE 9(6), 2014): degree-weighted repulsion k_r (deg+1)(deg'+1) / d, linear attraction
// w·d along edges, gravity k_g (deg+1) towards the centre, and the paper's adaptive speed
// (global speed from swinging and traction, local speed damped by each node's swinging).
// Repulsion goes through a Barnes–Hut quadtree (Barnes & Hut, Nature 324, 1986), rebuilt each
// iteration and walked once a leaf (its cells' interaction lists serve all its bodies). From
// multilevel_min_nodes on, coarser graphs are laid out first (Walshaw's multilevel scheme,
// J. Graph Algorithms Appl. 7(3), 2003, with ForceAtlas2 at each level) and each level starts
// from the coarser one's positions. Called by compute_layout (graph/layout.cpp).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <thread>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/worker_pool.hpp"
#include "graph/layout.hpp"

namespace kg {
namespace {

// Runs body(begin, end) over [0, n) in contiguous ranges, eight a thread (dense parts of the
// plane cost more), on the pool's threads and the caller's (the pool lives for the whole
// layout: no threads started per step). Fewer than `min_n` items run on the caller's thread.
template <typename Body>
void parallel_ranges(std::size_t n, std::size_t min_n, unsigned threads, WorkerPool& pool,
                     Body body) {
    if (threads <= 1 || n < min_n) {
        body(std::size_t{0}, n);
        return;
    }
    const std::size_t chunk = (n + 8 * threads - 1) / (8 * threads);
    pool.start((n + chunk - 1) / chunk, [&](std::size_t t) {
        const std::size_t begin = t * chunk;
        body(begin, std::min(n, begin + chunk));
    });
    pool.finish();
}

/// A point mass: a body, or a cell acting as one.
struct Body {
    double x, y, mass;
};

// A quadtree over the current positions. Built with leaves of up to `bucket` bodies in linked
// lists; then packed for the walks: cells keep their centre of mass and opening distance,
// and each leaf's bodies lie side by side, leaf by leaf in depth-first order.
class QuadTree {
public:
    /// From parallel_min bodies on, the 16 cells two levels below the root are built as
    /// subtrees of their own on the pool's threads (for any thread count: the same tree).
    QuadTree(const std::vector<double>& x, const std::vector<double>& y,
             const std::vector<double>& mass, double theta2, unsigned threads, WorkerPool& pool)
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
        new_cell(m_cells, (min_x + max_x) / 2, (min_y + max_y) / 2, half);
        if (x.size() < parallel_min) {
            for (std::size_t i = 0; i < x.size(); ++i)
                insert(m_cells, 0, 0, static_cast<std::int32_t>(i));
        } else {
            build_in_parts(threads, pool);
        }
        pack(theta2);
    }

    /// The leaves with bodies, in depth-first order: leaves near each other in space come one
    /// after the other, so their walks find the same cells in cache.
    std::size_t leaf_count() const noexcept { return m_leaves.size(); }

    /// Repulsion on every body of leaf `leaf`, through one walk of the tree for the whole
    /// leaf: a cell whose side is below theta × its distance from the leaf's bodies (the box
    /// around them) acts as one body at its centre of mass; nearer leaves act body by body.
    /// Calls emit(body, fx, fy) for each. `far` and `near` are scratch space.
    template <typename Emit>
    void leaf_repulsion(std::size_t leaf, double scaling, std::vector<Body>& far,
                        std::vector<Body>& near, Emit&& emit) const {
        const Walk& l = m_walk[m_leaves[leaf]];
        double x0 = m_bx[l.first], x1 = x0, y0 = m_by[l.first], y1 = y0;
        for (std::int32_t k = l.first + 1; k < l.last; ++k) {
            x0 = std::min(x0, m_bx[k]);
            x1 = std::max(x1, m_bx[k]);
            y0 = std::min(y0, m_by[k]);
            y1 = std::max(y1, m_by[k]);
        }
        far.clear();   // x, y, mass of each cell acting as one body
        near.clear();  // x, y, mass of each body acting alone
        std::int32_t stack[4 * max_depth + 8];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            const Walk& c = m_walk[stack[--top]];
            const double dx = c.x < x0 ? x0 - c.x : (c.x > x1 ? c.x - x1 : 0);
            const double dy = c.y < y0 ? y0 - c.y : (c.y > y1 ? c.y - y1 : 0);
            if (c.open2 < dx * dx + dy * dy) {
                far.push_back(Body{c.x, c.y, c.mass});
            } else if (c.child < 0) {
                for (std::int32_t j = c.first; j < c.last; ++j)
                    near.push_back(Body{m_bx[j], m_by[j], m_bm[j]});
            } else {
                for (int q = 0; q < 4; ++q) {
                    if (m_walk[c.child + q].mass > 0) stack[top++] = c.child + q;
                }
            }
        }
        std::int32_t k = l.first;
#if defined(__SSE2__)
        // Two bodies at a time, each lane doing what the scalar loop below does (the same
        // operations in the same order: the same bits).
        for (; k + 1 < l.last; k += 2) {
            const __m128d xi = _mm_loadu_pd(&m_bx[static_cast<std::size_t>(k)]);
            const __m128d yi = _mm_loadu_pd(&m_by[static_cast<std::size_t>(k)]);
            const __m128d ki =
                _mm_mul_pd(_mm_set1_pd(scaling), _mm_loadu_pd(&m_bm[static_cast<std::size_t>(k)]));
            __m128d fx = _mm_setzero_pd();
            __m128d fy = _mm_setzero_pd();
            const __m128d zero = _mm_setzero_pd();
            for (const std::vector<Body>* list : {&far, &near}) {
                for (const Body& b : *list) {
                    const __m128d dx = _mm_sub_pd(xi, _mm_set1_pd(b.x));
                    const __m128d dy = _mm_sub_pd(yi, _mm_set1_pd(b.y));
                    const __m128d d2 = _mm_add_pd(_mm_mul_pd(dx, dx), _mm_mul_pd(dy, dy));
                    const __m128d kj = _mm_mul_pd(ki, _mm_set1_pd(b.mass));
                    const __m128d f = _mm_and_pd(_mm_cmpgt_pd(d2, zero), _mm_div_pd(kj, d2));
                    fx = _mm_add_pd(fx, _mm_mul_pd(f, dx));
                    fy = _mm_add_pd(fy, _mm_mul_pd(f, dy));
                }
            }
            double out_x[2], out_y[2];
            _mm_storeu_pd(out_x, fx);
            _mm_storeu_pd(out_y, fy);
            for (int lane = 0; lane < 2; ++lane)
                emit(static_cast<std::size_t>(m_order[static_cast<std::size_t>(k + lane)]),
                     out_x[lane], out_y[lane]);
        }
#endif
        for (; k < l.last; ++k) {
            const double xi = m_bx[static_cast<std::size_t>(k)];
            const double yi = m_by[static_cast<std::size_t>(k)];
            const double ki = scaling * m_bm[static_cast<std::size_t>(k)];
            double fx = 0;
            double fy = 0;
            for (const std::vector<Body>* list : {&far, &near}) {
                for (const Body& b : *list) add_repulsion(xi - b.x, yi - b.y, ki * b.mass, fx, fy);
            }
            emit(static_cast<std::size_t>(m_order[static_cast<std::size_t>(k)]), fx, fy);
        }
    }

    /// The force k / d along (dx, dy): k (dx, dy) / d². Coincident bodies push nothing.
    static void add_repulsion(double dx, double dy, double k, double& fx, double& fy) {
        const double d2 = dx * dx + dy * dy;
        if (d2 <= 0) return;
        const double f = k / d2;
        fx += f * dx;
        fy += f * dy;
    }

private:
    static constexpr int max_depth = 48;
    static constexpr int bucket = 16;
    static constexpr std::size_t parallel_min = 8192;
    struct Cell {
        double cx, cy, half;
        double mass = 0, mx = 0, my = 0;
        std::int32_t child = -1;  ///< first of four consecutive children, or -1 for a leaf
        std::int32_t first = -1;  ///< a leaf's bodies (linked through m_next)
        std::int32_t count = 0;
    };
    /// A cell as the walks read it.
    struct Walk {
        double x = 0, y = 0;  ///< centre of mass
        double mass = 0;
        double open2 = 0;         ///< (side / theta)²: farther than that, the cell is one body
        std::int32_t child = -1;  ///< as in Cell
        std::int32_t first = 0;   ///< a leaf's bodies: [first, last) of the packed arrays
        std::int32_t last = 0;
    };

    static std::int32_t new_cell(std::vector<Cell>& cells, double cx, double cy, double half) {
        Cell c;
        c.cx = cx;
        c.cy = cy;
        c.half = half;
        cells.push_back(c);
        return static_cast<std::int32_t>(cells.size() - 1);
    }

    int quadrant(const Cell& c, std::int32_t i) const {
        return (m_x[i] >= c.cx ? 1 : 0) + (m_y[i] >= c.cy ? 2 : 0);
    }

    void insert(std::vector<Cell>& cells, std::int32_t cell, int depth, std::int32_t i) {
        for (;;) {
            Cell& c = cells[cell];
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
            split(cells, cell, depth);
            // `i` is already counted in this cell's mass: go on below it.
            Cell& s = cells[cell];
            cell = s.child + quadrant(s, i);
            ++depth;
        }
    }

    // Four children of `cell`, numbered from the returned index; moves its bodies into them.
    std::int32_t split(std::vector<Cell>& cells, std::int32_t cell, int depth) {
        const double cx = cells[cell].cx;
        const double cy = cells[cell].cy;
        const double h = cells[cell].half / 2;
        const std::int32_t first = new_cell(cells, cx - h, cy - h, h);
        new_cell(cells, cx + h, cy - h, h);
        new_cell(cells, cx - h, cy + h, h);
        new_cell(cells, cx + h, cy + h, h);
        std::int32_t body = cells[cell].first;
        cells[cell].child = first;
        cells[cell].first = -1;
        cells[cell].count = 0;
        while (body >= 0) {
            const std::int32_t next = m_next[body];
            insert(cells, first + quadrant(cells[cell], body), depth + 1, body);
            body = next;
        }
        return first;
    }

    // The root split twice (cells 1–4, then 5–20), each of the 16 cells below filled as a
    // tree of its own (its bodies in index order) and appended; masses summed upwards.
    void build_in_parts(unsigned threads, WorkerPool& pool) {
        split(m_cells, 0, 0);
        for (std::int32_t c = 1; c <= 4; ++c) split(m_cells, c, 1);
        std::vector<std::vector<std::int32_t>> bodies(16);
        for (std::size_t i = 0; i < m_next.size(); ++i) {
            const auto b = static_cast<std::int32_t>(i);
            const std::int32_t top = 1 + quadrant(m_cells[0], b);
            const std::int32_t part = m_cells[top].child + quadrant(m_cells[top], b);
            bodies[static_cast<std::size_t>(part - 5)].push_back(b);
        }
        std::vector<std::vector<Cell>> parts(16);
        parallel_ranges(16, 2, threads, pool, [&](std::size_t begin, std::size_t end) {
            for (std::size_t k = begin; k < end; ++k) {
                parts[k].push_back(m_cells[5 + k]);
                parts[k].reserve(bodies[k].size() / 4 + 4);
                for (const std::int32_t b : bodies[k]) insert(parts[k], 0, 2, b);
            }
        });
        for (std::size_t k = 0; k < 16; ++k) {
            // Index j >= 1 of the part lands at offset + j - 1; its root replaces cell 5 + k.
            const auto offset = static_cast<std::int32_t>(m_cells.size());
            const auto place = [&](Cell c) {
                if (c.child >= 0) c.child += offset - 1;
                return c;
            };
            m_cells[5 + k] = place(parts[k][0]);
            for (std::size_t j = 1; j < parts[k].size(); ++j) m_cells.push_back(place(parts[k][j]));
        }
        for (std::int32_t c = 4; c >= 0; --c) {
            Cell& cell = m_cells[static_cast<std::size_t>(c)];
            for (int q = 0; q < 4; ++q) {
                const Cell& child = m_cells[static_cast<std::size_t>(cell.child + q)];
                cell.mass += child.mass;
                cell.mx += child.mx;
                cell.my += child.my;
            }
        }
    }

    // The walk cells and the bodies leaf by leaf, depth first.
    void pack(double theta2) {
        const std::size_t n = m_next.size();
        m_walk.resize(m_cells.size());
        m_order.reserve(n);
        m_bx.reserve(n);
        m_by.reserve(n);
        m_bm.reserve(n);
        std::vector<std::int32_t> stack{0};
        while (!stack.empty()) {
            const std::int32_t index = stack.back();
            stack.pop_back();
            const Cell& c = m_cells[index];
            Walk& w = m_walk[index];
            w.mass = c.mass;
            if (c.mass > 0) {
                w.x = c.mx / c.mass;
                w.y = c.my / c.mass;
            }
            w.open2 = 4 * c.half * c.half / theta2;
            w.child = c.child;
            if (c.child < 0) {
                w.first = static_cast<std::int32_t>(m_order.size());
                for (std::int32_t j = c.first; j >= 0; j = m_next[j]) {
                    m_order.push_back(j);
                    m_bx.push_back(m_x[j]);
                    m_by.push_back(m_y[j]);
                    m_bm.push_back(m_mass[j]);
                }
                w.last = static_cast<std::int32_t>(m_order.size());
                if (w.last > w.first) m_leaves.push_back(index);
            } else {
                for (int q = 3; q >= 0; --q) stack.push_back(c.child + q);
            }
        }
    }

    const std::vector<double>& m_x;
    const std::vector<double>& m_y;
    const std::vector<double>& m_mass;
    std::vector<std::int32_t> m_next;
    std::vector<Cell> m_cells;
    std::vector<Walk> m_walk;
    std::vector<std::int32_t> m_order;
    std::vector<double> m_bx, m_by, m_bm;  // bodies in m_order
    std::vector<std::int32_t> m_leaves;    // walk cells of the leaves with bodies
};

/// |(a, b)|, without std::hypot's care for overflow (3 % of a layout): values here are far
/// from it.
double length(double a, double b) {
    return std::sqrt(a * a + b * b);
}

/// Each node's edges in edge order, self-loops left out: the node at the other end and the
/// weight, node i's in [begin[i], begin[i + 1]).
struct Adjacency {
    Adjacency(std::size_t n, const std::vector<LayoutEdge>& edges) : begin(n + 1, 0) {
        for (const LayoutEdge& e : edges) {
            if (e.source == e.target) continue;
            ++begin[e.source + 1];
            ++begin[e.target + 1];
        }
        for (std::size_t i = 0; i < n; ++i) begin[i + 1] += begin[i];
        other.resize(begin[n]);
        weight.resize(begin[n]);
        std::vector<std::uint32_t> fill(begin.begin(), begin.end() - 1);
        for (const LayoutEdge& e : edges) {
            if (e.source == e.target) continue;
            for (const auto& [self, to] : {std::pair{e.source, e.target}, {e.target, e.source}}) {
                other[fill[self]] = to;
                weight[fill[self]++] = e.weight;
            }
        }
    }
    std::vector<std::uint32_t> begin;
    std::vector<std::uint32_t> other;
    std::vector<double> weight;
};

// `iterations` steps of ForceAtlas2 over nodes of the given masses.
void run_force_atlas2(std::size_t n, const std::vector<LayoutEdge>& edges,
                      const std::vector<double>& mass, std::vector<double>& x,
                      std::vector<double>& y, const LayoutOptions& options,
                      std::uint32_t iterations, bool barnes_hut, unsigned threads,
                      WorkerPool& pool) {
    if (n < 2) return;
    const double theta2 = options.theta * options.theta;
    std::vector<double> fx(n), fy(n), old_fx(n, 0.0), old_fy(n, 0.0);
    std::vector<double> swinging(n), traction(n);
    double speed = 1.0;
    const double jitter_tolerance = 1.0;
    // No node moves more than a tenth of the start square's side in one step: a safety net
    // against a huge force (a heavy edge between far nodes), loose enough not to slow the
    // convergence of large graphs (a fixed 10 units did).
    const double max_step = std::sqrt(static_cast<double>(n));
    // Each node's edges, for the attraction.
    const Adjacency adjacency(n, edges);
    const std::vector<std::uint32_t>& incident_begin = adjacency.begin;
    const std::vector<std::uint32_t>& incident_other = adjacency.other;
    const std::vector<double>& incident_weight = adjacency.weight;
    std::vector<double> xy(2 * n);
    // The attraction's node ranges, eight a thread, with about as many edges each (hubs hold
    // most of them): where they split changes no sum.
    std::vector<std::size_t> attract_parts{0};
    if (threads > 1 && incident_begin[n] >= 16384) {
        const std::size_t parts = 8 * std::size_t{threads};
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t done = attract_parts.size();
            if (done < parts && incident_begin[i] * parts >= done * std::size_t{incident_begin[n]})
                if (i > attract_parts.back()) attract_parts.push_back(i);
        }
    }
    attract_parts.push_back(n);
    for (std::uint32_t it = 0; it < iterations; ++it) {
        // Repulsion and gravity: each node's force from positions only, so neither the order
        // nor the split over threads changes a result.
        const auto gravity = [&](std::size_t i, double f_x, double f_y) {
            const double d = length(x[i], y[i]);
            if (d > 0) {
                f_x -= options.gravity * mass[i] * x[i] / d;
                f_y -= options.gravity * mass[i] * y[i] / d;
            }
            fx[i] = f_x;
            fy[i] = f_y;
        };
        if (barnes_hut) {
            const QuadTree tree(x, y, mass, theta2, threads, pool);
            parallel_ranges(tree.leaf_count(), 64, threads, pool,
                            [&](std::size_t begin, std::size_t end) {
                                std::vector<Body> far, near;
                                for (std::size_t leaf = begin; leaf < end; ++leaf)
                                    tree.leaf_repulsion(leaf, options.scaling, far, near, gravity);
                            });
        } else {
            parallel_ranges(n, 4096, threads, pool, [&](std::size_t begin, std::size_t end) {
                for (std::size_t i = begin; i < end; ++i) {
                    double f_x = 0;
                    double f_y = 0;
                    for (std::size_t j = 0; j < n; ++j)
                        QuadTree::add_repulsion(x[i] - x[j], y[i] - y[j],
                                                options.scaling * mass[i] * mass[j], f_x, f_y);
                    gravity(i, f_x, f_y);
                }
            });
        }
        // Attraction along edges: each node sums its edges in edge order, on all threads.
        // Source s and target t get -w (x_s - x_t) and +w (x_s - x_t): each is w (x_other -
        // x_self), the same bits (IEEE negation and rounding are symmetric).
        // The positions side by side: one cache line for a neighbour's x and y.
        for (std::size_t i = 0; i < n; ++i) {
            xy[2 * i] = x[i];
            xy[2 * i + 1] = y[i];
        }
        const auto attract = [&](std::size_t part) {
            for (std::size_t i = attract_parts[part]; i < attract_parts[part + 1]; ++i) {
                double f_x = fx[i];
                double f_y = fy[i];
                for (std::uint32_t k = incident_begin[i]; k < incident_begin[i + 1]; ++k) {
                    const std::size_t o = incident_other[k];
                    f_x += incident_weight[k] * (xy[2 * o] - x[i]);
                    f_y += incident_weight[k] * (xy[2 * o + 1] - y[i]);
                }
                fx[i] = f_x;
                fy[i] = f_y;
            }
        };
        if (attract_parts.size() > 2) {
            pool.start(attract_parts.size() - 1, attract);
            pool.finish();
        } else {
            attract(0);
        }
        // Adaptive speed (the paper's section "Adaptive speed"): swinging is how much a node's
        // force changed direction, traction how much it kept; the global speed follows their
        // ratio, rising at most 50 % a step.
        // Per node on all threads; the two sums in node order on one.
        parallel_ranges(n, 1024, threads, pool, [&](std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i) {
                swinging[i] = length(fx[i] - old_fx[i], fy[i] - old_fy[i]);
                traction[i] = length(fx[i] + old_fx[i], fy[i] + old_fy[i]) / 2;
            }
        });
        double global_swinging = 0;
        double global_traction = 0;
        for (std::size_t i = 0; i < n; ++i) {
            global_swinging += mass[i] * swinging[i];
            global_traction += mass[i] * traction[i];
        }
        if (global_swinging > 0) {
            const double target = jitter_tolerance * global_traction / global_swinging;
            speed = it == 0 ? target : std::min(target, speed * 1.5);
        }
        parallel_ranges(n, 1024, threads, pool, [&](std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i) {
                double node_speed = 0.1 * speed / (1 + speed * std::sqrt(swinging[i]));
                const double force = length(fx[i], fy[i]);
                if (force > 0) node_speed = std::min(node_speed, max_step / force);
                x[i] += node_speed * fx[i];
                y[i] += node_speed * fy[i];
            }
        });
        std::swap(fx, old_fx);
        std::swap(fy, old_fy);
    }
}

/// A graph of the multilevel scheme: the nodes' masses (ForceAtlas2's degree + 1, summed
/// over the nodes a coarse node stands for) and the edges, parallel ones merged.
struct Level {
    std::size_t n = 0;
    std::vector<LayoutEdge> own_edges;
    const std::vector<LayoutEdge>* borrowed = nullptr;  ///< the caller's, for the finest level
    const std::vector<LayoutEdge>& edges() const { return borrowed ? *borrowed : own_edges; }
    std::vector<double> mass;
    std::vector<std::uint32_t> parent;  ///< each node's node in the next coarser level
};

// Heavy-edge aggregation: nodes in order of mass (then index) join the group of the neighbour
// they share the heaviest edge with (ties: the lower index), or found a group with it, while
// the group has fewer than group_limit members (a hub's leaves join it up to that); a node with
// no such neighbour stays alone. The groups become the nodes of the coarser level, numbered in
// order of their first member.
constexpr std::uint32_t group_limit = 4;

Level coarsen(Level& fine) {
    const Adjacency adjacency(fine.n, fine.edges());
    const std::vector<std::uint32_t>& begin = adjacency.begin;
    const std::vector<std::uint32_t>& adjacent = adjacency.other;
    const std::vector<double>& adjacent_weight = adjacency.weight;
    std::vector<std::uint32_t> order(fine.n);
    for (std::uint32_t i = 0; i < fine.n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return fine.mass[a] < fine.mass[b]; });
    constexpr std::uint32_t none = 0xFFFFFFFFU;
    std::vector<std::uint32_t> group(fine.n, none);  // a group is named by its founder
    std::vector<std::uint32_t> members(fine.n, 0);
    for (const std::uint32_t u : order) {
        if (group[u] != none) continue;
        std::uint32_t best = none;
        double best_weight = 0;
        for (std::uint32_t k = begin[u]; k < begin[u + 1]; ++k) {
            const std::uint32_t v = adjacent[k];
            const double w = adjacent_weight[k];
            if (v == u || (group[v] != none && members[group[v]] >= group_limit)) continue;
            if (best == none || w > best_weight || (w == best_weight && v < best)) {
                best = v;
                best_weight = w;
            }
        }
        if (best == none) {
            group[u] = u;
            members[u] = 1;
        } else if (group[best] == none) {
            group[u] = group[best] = u;
            members[u] = 2;
        } else {
            group[u] = group[best];
            ++members[group[u]];
        }
    }
    Level coarse;
    fine.parent.assign(fine.n, none);
    std::vector<std::uint32_t> id_of(fine.n, none);  // by founder
    for (std::uint32_t i = 0; i < fine.n; ++i) {
        std::uint32_t& id = id_of[group[i]];
        if (id == none) {
            id = static_cast<std::uint32_t>(coarse.n++);
            coarse.mass.push_back(0.0);
        }
        fine.parent[i] = id;
        coarse.mass[id] += fine.mass[i];
    }
    std::vector<LayoutEdge>& edges = coarse.own_edges;
    edges.reserve(fine.edges().size());
    for (const LayoutEdge& e : fine.edges()) {
        std::uint32_t a = fine.parent[e.source];
        std::uint32_t b = fine.parent[e.target];
        if (a == b) continue;
        if (a > b) std::swap(a, b);
        edges.push_back({a, b, e.weight});
    }
    std::stable_sort(edges.begin(), edges.end(), [](const LayoutEdge& p, const LayoutEdge& q) {
        return p.source != q.source ? p.source < q.source : p.target < q.target;
    });
    // Parallel edges merged, their weights summed in the fine level's edge order.
    std::size_t kept = 0;
    for (std::size_t k = 0; k < edges.size(); ++k) {
        if (kept > 0 && edges[kept - 1].source == edges[k].source &&
            edges[kept - 1].target == edges[k].target) {
            edges[kept - 1].weight += edges[k].weight;
        } else {
            edges[kept++] = edges[k];
        }
    }
    edges.resize(kept);
    return coarse;
}

}  // namespace

void force_atlas2(std::size_t n, const std::vector<LayoutEdge>& edges, std::vector<double>& x,
                  std::vector<double>& y, const LayoutOptions& options, bool barnes_hut,
                  LayoutStats* stats) {
    if (n < 2 || options.iterations == 0) return;
    Level finest;
    finest.n = n;
    finest.borrowed = &edges;
    finest.mass.assign(n, 1.0);
    for (const LayoutEdge& e : edges) {
        if (e.source == e.target) continue;
        finest.mass[e.source] += 1;
        finest.mass[e.target] += 1;
    }
    const unsigned threads =
        options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    WorkerPool pool(threads - 1);
    // Coarser levels while the graph is large and matching still shrinks it by a fifth.
    std::vector<Level> levels;
    levels.push_back(std::move(finest));
    while (options.multilevel && levels.back().n >= multilevel_min_nodes) {
        Level coarse = coarsen(levels.back());
        if (coarse.n * 5 > levels.back().n * 4) {
            levels.back().parent.clear();
            break;
        }
        levels.push_back(std::move(coarse));
    }
    // The coarsest level starts where its first members' start is, and gets every iteration;
    // each finer level starts around its coarse nodes' places and
    // gets a quarter.
    std::vector<std::vector<double>> lx(levels.size()), ly(levels.size());
    lx[0] = x;
    ly[0] = y;
    for (std::size_t l = 1; l < levels.size(); ++l) {
        lx[l].assign(levels[l].n, 0.0);
        ly[l].assign(levels[l].n, 0.0);
        std::vector<bool> placed(levels[l].n, false);
        for (std::size_t i = 0; i < levels[l - 1].n; ++i) {
            const std::uint32_t p = levels[l - 1].parent[i];
            if (placed[p]) continue;
            placed[p] = true;
            lx[l][p] = lx[l - 1][i];
            ly[l][p] = ly[l - 1][i];
        }
    }
    const std::uint32_t refine = std::max<std::uint32_t>(1, options.iterations / 4);
    const std::size_t coarsest_nodes = levels.back().n;
    for (std::size_t l = levels.size(); l-- > 0;) {
        const Level& level = levels[l];
        if (l + 1 < levels.size()) {
            // The members of a coarse node start around its place, the k-th at angle k times
            // the golden angle and distance sqrt(k) (a node with no distance to another
            // feels no force from it).
            std::vector<std::uint32_t> placed(levels[l + 1].n, 0);
            for (std::size_t i = 0; i < level.n; ++i) {
                const std::uint32_t p = level.parent[i];
                const double k = placed[p]++;
                const double r = std::sqrt(k);
                lx[l][i] = lx[l + 1][p] + r * std::cos(2.399963229728653 * k);
                ly[l][i] = ly[l + 1][p] + r * std::sin(2.399963229728653 * k);
            }
            // The coarser level is done with: its memory goes before this one's run.
            levels[l + 1] = Level{};
            lx[l + 1] = {};
            ly[l + 1] = {};
        }
        const std::uint32_t iterations = l + 1 == levels.size() ? options.iterations : refine;
        run_force_atlas2(level.n, level.edges(), level.mass, lx[l], ly[l], options, iterations,
                         barnes_hut, threads, pool);
    }
    x = std::move(lx[0]);
    y = std::move(ly[0]);
    if (stats != nullptr) {
        stats->levels = static_cast<std::uint32_t>(levels.size());
        stats->coarsest_nodes = coarsest_nodes;
        stats->finer_iterations = levels.size() > 1 ? refine : 0;
    }
}

}  // namespace kg
