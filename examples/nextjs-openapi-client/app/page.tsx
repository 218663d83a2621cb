import { CreateInvoiceForm } from '@/components/create-invoice-form';
import { InvoiceList } from '@/components/invoice-list';
import { Profile } from '@/components/profile';
import { ServiceGate } from '@/components/service-gate';
import { readServiceConfig } from '@/server/service-config';

// The dev user and service URL come from the environment at request time, not at build time.
export const dynamic = 'force-dynamic';

export default function HomePage() {
  const { userId, serviceUrl } = readServiceConfig();
  return (
    <main>
      <header className="page-header">
        <h1>Invoices</h1>
        <p>
          Signed in as <strong data-testid="user-id">{userId}</strong> (development identity). Data comes from{' '}
          <code>{serviceUrl}</code> through this app&apos;s proxy.
        </p>
      </header>
      <ServiceGate serviceUrl={serviceUrl}>
        <Profile userId={userId} />
        <div className="columns">
          <CreateInvoiceForm />
          <InvoiceList />
        </div>
      </ServiceGate>
    </main>
  );
}
