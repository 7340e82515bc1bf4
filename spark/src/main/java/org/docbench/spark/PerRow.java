package org.docbench.spark;

import java.util.Iterator;
import java.util.function.Function;

/**
 * A partition's rows turned one by one into other rows as Spark reads them: the shape of every
 * {@code mapPartitions} of this job, which sets up per partition (a scorer session, a file system)
 * and then maps each row, holding no more than one row at a time.
 */
final class PerRow {
    private PerRow() {
    }

    /** {@code f} of each of {@code rows}, in order, computed when asked for. */
    static <T, R> Iterator<R> map(Iterator<T> rows, Function<T, R> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public R next() {
                return f.apply(rows.next());
            }
        };
    }
}
