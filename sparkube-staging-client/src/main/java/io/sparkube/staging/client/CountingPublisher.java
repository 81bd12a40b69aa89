package io.sparkube.staging.client;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/** A request body that reports each buffer it hands to the HTTP client, for upload progress. */
final class CountingPublisher implements HttpRequest.BodyPublisher {
  private final HttpRequest.BodyPublisher delegate;
  private final UploadProgress progress;

  CountingPublisher(HttpRequest.BodyPublisher delegate, UploadProgress progress) {
    this.delegate = delegate;
    this.progress = progress;
  }

  @Override
  public long contentLength() {
    return delegate.contentLength();
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
    var total = delegate.contentLength();
    delegate.subscribe(new Flow.Subscriber<ByteBuffer>() {
      private long sent;

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscriber.onSubscribe(subscription);
      }

      @Override
      public void onNext(ByteBuffer item) {
        sent += item.remaining();
        subscriber.onNext(item);
        progress.update(sent, total);
      }

      @Override
      public void onError(Throwable throwable) {
        subscriber.onError(throwable);
      }

      @Override
      public void onComplete() {
        subscriber.onComplete();
      }
    });
  }
}
