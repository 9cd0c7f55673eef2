package io.github.s3bulkcopy.copy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartWindowTests {

	@Test
	void theWindowsOfAllObjectsTogetherStayWithinTheSlots() {
		// given two objects of 4 parts, each allowed 3 in flight, and 4 slots in all
		PartSlots slots = new PartSlots(4);
		Parts first = new Parts("a");
		Parts second = new Parts("b");
		CompletableFuture<List<String>> a = new PartWindow<>(4, 3, slots, first::start).run();
		CompletableFuture<List<String>> b = new PartWindow<>(4, 3, slots, second::start).run();

		// then the first takes its 3, the second only the one slot left
		assertThat(first.started).containsExactly(0, 1, 2);
		assertThat(second.started).containsExactly(0);

		// when that part ends, the second object's next part takes its slot: the first
		// has none waiting
		second.end(0);
		assertThat(second.started).containsExactly(0, 1);

		// when a part of the first ends, its next part goes ahead of the second's waiting
		// ones
		first.end(0);
		assertThat(first.started).containsExactly(0, 1, 2, 3);
		assertThat(second.started).containsExactly(0, 1);

		// and once the first has no part left to start, the second's start, never more
		// than 4 at once
		first.end(1);
		assertThat(second.started).containsExactly(0, 1, 2);
		assertThat(first.inFlight() + second.inFlight()).isEqualTo(4);
		first.end(2);
		first.end(3);
		assertThat(a).isCompletedWithValue(List.of("a0", "a1", "a2", "a3"));
		assertThat(second.started).containsExactly(0, 1, 2, 3);
		second.end(1);
		second.end(2);
		second.end(3);
		assertThat(b).isCompletedWithValue(List.of("b0", "b1", "b2", "b3"));
		assertThat(slots.acquire(slots.nextObject(), 0)).isCompleted();
	}

	@Test
	void aFailureStartsNoPartThatWasWaitingForASlotAndFreesItsSlot() {
		// given one slot, held by a part of the first object, and the second waiting
		PartSlots slots = new PartSlots(1);
		Parts first = new Parts("a");
		Parts second = new Parts("b");
		CompletableFuture<List<String>> a = new PartWindow<>(2, 2, slots, first::start).run();
		CompletableFuture<List<String>> b = new PartWindow<>(2, 2, slots, second::start).run();
		assertThat(first.started).containsExactly(0);

		// when that part fails, the first object's other part never starts
		first.fail(0);
		assertThat(a).isCompletedExceptionally();
		assertThat(first.started).containsExactly(0);

		// and the second object gets the slot
		assertThat(second.started).containsExactly(0);
		second.end(0);
		second.end(1);
		assertThat(b).isCompletedWithValue(List.of("b0", "b1"));
	}

	/** Parts that end when the test says. */
	private static final class Parts {

		private final String name;

		private final List<Integer> started = new ArrayList<>();

		private final List<CompletableFuture<String>> futures = new ArrayList<>();

		Parts(String name) {
			this.name = name;
		}

		CompletableFuture<String> start(int index) {
			CompletableFuture<String> future = new CompletableFuture<>();
			this.started.add(index);
			this.futures.add(future);
			return future;
		}

		void end(int index) {
			this.futures.get(this.started.indexOf(index)).complete(this.name + index);
		}

		void fail(int index) {
			this.futures.get(this.started.indexOf(index)).completeExceptionally(new IllegalStateException("failed"));
		}

		long inFlight() {
			return this.futures.stream().filter((future) -> !future.isDone()).count();
		}

	}

}
