import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connect } from './api/transport';
import 'prosemirror-view/style/prosemirror.css';
import './styles.css';

const { client } = connect();
createRoot(document.getElementById('root')!).render(<App client={client} />);
