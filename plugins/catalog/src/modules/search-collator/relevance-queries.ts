/** One labelled query of the relevance suite: any of `relevant` is a right answer. */
export interface LabelledQuery {
  term: string;
  category: 'exact name' | 'title' | 'prefix' | 'typo' | 'owner or person' | 'description' | 'api path';
  relevant: string[];
}

const c = (name: string) => `component:default/${name}`;
const api = (name: string) => `api:default/${name}`;
const res = (name: string) => `resource:default/${name}`;
const group = (name: string) => `group:default/${name}`;

/** Queries over the example organisation (examples/), with the entities a user wants on top. */
export const relevanceQueries: LabelledQuery[] = [
  { term: 'payments-service', category: 'exact name', relevant: [c('payments-service')] },
  { term: 'cart-api', category: 'exact name', relevant: [api('cart-api')] },
  { term: 'inventory-db', category: 'exact name', relevant: [res('inventory-db')] },
  { term: 'legacy-checkout', category: 'exact name', relevant: [c('legacy-checkout')] },
  { term: 'storefront-web', category: 'exact name', relevant: [c('storefront-web')] },
  { term: 'acme-ui-kit', category: 'exact name', relevant: [c('acme-ui-kit')] },
  { term: 'event-bus', category: 'exact name', relevant: [res('event-bus')] },
  { term: 'team-checkout', category: 'exact name', relevant: [group('team-checkout')] },
  { term: 'node-service', category: 'exact name', relevant: ['template:default/node-service'] },
  { term: 'search-graphql', category: 'exact name', relevant: [api('search-graphql')] },
  { term: 'checkout', category: 'exact name', relevant: ['system:default/checkout'] },
  { term: 'Payments API', category: 'title', relevant: [api('payments-api')] },
  { term: 'Shipping labels bucket', category: 'title', relevant: [res('shipping-labels')] },
  { term: 'Developer platform', category: 'title', relevant: ['system:default/developer-platform'] },
  { term: 'Identity database', category: 'title', relevant: [res('identity-db')] },
  { term: 'Order service', category: 'title', relevant: [c('order-service')] },
  {
    term: 'paym',
    category: 'prefix',
    relevant: [c('payments-service'), api('payments-api'), res('payments-db')],
  },
  {
    term: 'invent',
    category: 'prefix',
    relevant: [c('inventory-service'), api('inventory-api'), res('inventory-db')],
  },
  { term: 'shipp', category: 'prefix', relevant: [c('shipping-service'), res('shipping-labels')] },
  { term: 'legacy-ch', category: 'prefix', relevant: [c('legacy-checkout')] },
  { term: 'acme-ui', category: 'prefix', relevant: [c('acme-ui-kit')] },
  { term: 'toolk', category: 'prefix', relevant: [c('service-toolkit')] },
  { term: 'order-ev', category: 'prefix', relevant: [api('order-events'), res('order-events-topic')] },
  {
    term: 'product-cat',
    category: 'prefix',
    relevant: [c('product-catalog-service'), api('product-catalog-api')],
  },
  { term: 'paymnets-service', category: 'typo', relevant: [c('payments-service')] },
  {
    term: 'inventroy',
    category: 'typo',
    relevant: [c('inventory-service'), api('inventory-api'), res('inventory-db')],
  },
  { term: 'shiping service', category: 'typo', relevant: [c('shipping-service')] },
  {
    term: 'storefornt',
    category: 'typo',
    relevant: ['system:default/storefront', c('storefront-web'), group('team-storefront')],
  },
  { term: 'legacy chekout', category: 'typo', relevant: [c('legacy-checkout')] },
  { term: 'idenity-api', category: 'typo', relevant: [api('identity-api')] },
  { term: 'Fulfilment team', category: 'owner or person', relevant: [group('team-fulfilment')] },
  { term: 'Checkout team', category: 'owner or person', relevant: [group('team-checkout')] },
  { term: 'Hannah Kim', category: 'owner or person', relevant: ['user:default/hannah.kim'] },
  { term: 'priya', category: 'owner or person', relevant: ['user:default/priya.raman'] },
  { term: 'Site Reliability', category: 'owner or person', relevant: [group('team-sre')] },
  { term: 'PCI DSS', category: 'description', relevant: [c('payments-service')] },
  { term: 'OpenSearch', category: 'description', relevant: [res('search-cluster'), c('search-service')] },
  {
    term: 'carrier labels',
    category: 'description',
    relevant: [res('shipping-labels'), c('shipping-service')],
  },
  { term: 'promotion codes', category: 'description', relevant: [c('cart-service'), api('cart-api')] },
  { term: 'passkeys', category: 'description', relevant: [c('identity-service')] },
  { term: 'Kafka cluster', category: 'description', relevant: [res('event-bus')] },
  { term: 'monolith', category: 'description', relevant: [c('legacy-checkout')] },
  { term: 'design tokens', category: 'description', relevant: [c('acme-ui-kit')] },
  { term: 'outdoor gear', category: 'description', relevant: [group('acme-corp')] },
  { term: 'MkDocs', category: 'description', relevant: ['template:default/docs-site'] },
  // Stop words among other words ('and', 'in'): PostgreSQL's English text leaves them out.
  { term: 'accounts and sessions', category: 'description', relevant: [api('identity-api')] },
  { term: 'outdoor gear in twelve countries', category: 'description', relevant: [group('acme-corp')] },
  { term: '/payment-intents/{id}/capture', category: 'api path', relevant: [api('payments-api')] },
  { term: '/sessions/current', category: 'api path', relevant: [api('identity-api')] },
  { term: '/carts/{cartId}/promotion', category: 'api path', relevant: [api('cart-api')] },
  { term: '/stock/{sku}', category: 'api path', relevant: [api('inventory-api')] },
  { term: '/orders/{orderId}/cancel', category: 'api path', relevant: [api('orders-api')] },
  { term: '/introspect', category: 'api path', relevant: [api('identity-api')] },
  { term: '/products/{sku}/price', category: 'api path', relevant: [api('product-catalog-api')] },
];
