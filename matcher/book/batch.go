package book

import (
	"context"
	"sync"
)

// call is one Submit waiting for its batch.
type call struct {
	ctx  context.Context
	args []any // the order's fields for the match script
	res  *SubmitResult
	err  error
	// done receives nil once res/err are set, or the batch the caller must run itself
	// (it is that batch's first order).
	done chan []*call
}

// batcher feeds concurrent Submits to the match script, many orders per EVALSHA.
//
// Group commit without a timer: a Submit that finds fewer than maxInFlight batches
// running runs its order at once (an idle book adds no delay). Orders arriving while
// every slot is busy queue up; when a batch finishes, its runner takes up to maxBatch
// queued orders and hands them to the first of them, whose goroutine runs them. So a
// caller runs at most one batch, always one holding its own order, and waits no longer
// than it would for one EVALSHA in a queue of its own.
//
// Order: within a batch, orders match in the order they reached the batcher. Two
// batches in flight at once may reach Redis in either order; every order in them was
// submitted before any of their Submits returned, so the calls were concurrent and
// either order is one they could have had alone.
type batcher struct {
	run         func([]*call) // matches a batch and sets each call's res/err
	maxBatch    int
	maxInFlight int

	mu      sync.Mutex
	queue   []*call
	running int
}

func (q *batcher) submit(c *call) {
	q.mu.Lock()
	q.queue = append(q.queue, c)
	if q.running >= q.maxInFlight {
		q.mu.Unlock()
		batch := <-c.done
		if batch == nil {
			return
		}
		q.runAndHandOff(batch)
		return
	}
	q.running++
	batch := q.take()
	q.mu.Unlock()
	q.runAndHandOff(batch)
}

// take removes up to maxBatch calls from the queue. Called with mu held.
func (q *batcher) take() []*call {
	n := min(len(q.queue), q.maxBatch)
	batch := append([]*call(nil), q.queue[:n]...)
	q.queue = append(q.queue[:0], q.queue[n:]...)
	return batch
}

// runAndHandOff runs a batch whose first call is the caller's own (a Submit that finds a
// free slot has an empty queue before it: queued orders are always taken by a finishing
// batch before it frees its slot).
func (q *batcher) runAndHandOff(batch []*call) {
	var live []*call // an order whose caller gave up before it was sent is not matched
	for _, c := range batch {
		if err := c.ctx.Err(); err != nil {
			c.err = err
			continue
		}
		live = append(live, c)
	}
	if len(live) > 0 {
		q.run(live)
	}
	q.mu.Lock()
	var next []*call
	if len(q.queue) > 0 {
		next = q.take()
	} else {
		q.running--
	}
	q.mu.Unlock()
	// Answer the others before handing over, so none waits for the next batch.
	for _, c := range batch[1:] {
		c.done <- nil
	}
	if next != nil {
		next[0].done <- next
	}
}
