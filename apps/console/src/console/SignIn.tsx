import { useState } from 'react';

export function SignIn({ onSignIn }: { onSignIn: (key: string) => void }) {
  const [key, setKey] = useState('');
  return (
    <main>
      <h1>Members console</h1>
      <p className="note">Sign in with an API key of your organization (the server prints one on its first start).</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (key.trim()) onSignIn(key.trim());
        }}
      >
        <label>
          API key
          <input type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} size={50} />
        </label>
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
